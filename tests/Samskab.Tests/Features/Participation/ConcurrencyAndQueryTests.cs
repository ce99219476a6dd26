using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Participation;

public class ConcurrentLikeTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task TwoHundredParallelLikes_CountExactlyTwoHundred_AndDoubleClicksCountOnce()
    {
        var campaign = await factory.CampaignAsync("Mange likes");
        var idea = await factory.IdeaAsync(campaign, (await factory.ParticipantAsync("Forfatter")).Id, "Populær idé");
        var clients = new List<(AppClient Client, string Token)>();
        for (var i = 0; i < 200; i++)
        {
            var (_, token) = await factory.ParticipantAsync($"Liker {i}");
            var client = factory.ParticipantClient(token);
            var page = await client.GetAsync($"/ideer/{idea}");
            clients.Add((client, page.Document.QuerySelector("form.like-button input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        }
        var answers = await Task.WhenAll(clients.Select(c => c.Client.PostRawAsync($"/ideer/{idea}?handler=Like", new Dictionary<string, string> { ["__RequestVerificationToken"] = c.Token })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        var (likes, rows) = await factory.WithDbAsync(async db => (await db.Ideas.Where(i => i.Id == idea).Select(i => i.LikeCount).SingleAsync(), await db.IdeaLikes.CountAsync(l => l.IdeaId == idea)));
        Assert.Equal(200, likes);
        Assert.Equal(200, rows);

        // Ten clicks at once from one person, and ten withdrawals at once: one like, then none.
        var (one, oneToken) = clients[0];
        var doubles = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => one.PostRawAsync($"/ideer/{idea}?handler=Like", new Dictionary<string, string> { ["__RequestVerificationToken"] = oneToken })));
        Assert.All(doubles, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        var withdrawals = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => one.PostRawAsync($"/ideer/{idea}?handler=Unlike", new Dictionary<string, string> { ["__RequestVerificationToken"] = oneToken })));
        Assert.All(withdrawals, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(199, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.LikeCount).SingleAsync()));
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }
}

/// <summary>The citizen pages make a fixed number of queries, however many ideas and likes there are.</summary>
public class ParticipationQueryCountTests(SqlCountingFactory factory) : IClassFixture<SqlCountingFactory>
{
    private static async Task<int> CountAsync(AppClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(response.Headers.GetValues(SqlCountingFactory.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Board_AndIdea_SameQueries_With5And60Ideas()
    {
        var small = await factory.CampaignAsync("Lille");
        var large = await factory.CampaignAsync("Stor");
        var (author, token) = await factory.ParticipantAsync("Tæller");
        int smallIdea = 0, largeIdea = 0;
        for (var i = 0; i < 5; i++) smallIdea = await factory.IdeaAsync(small, author, $"Lille {i}", buildsOn: i > 0 ? smallIdea : null);
        for (var i = 0; i < 60; i++) largeIdea = await factory.IdeaAsync(large, author, $"Stor {i}", buildsOn: i > 0 ? largeIdea : null);
        using var visitor = factory.CreateAppClient();
        using var participant = factory.ParticipantClient(token);
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        foreach (var client in new[] { visitor, participant, manager })
        {
            Assert.Equal(await CountAsync(client, $"/indsamlinger/{small}"), await CountAsync(client, $"/indsamlinger/{large}"));
            Assert.Equal(await CountAsync(client, $"/indsamlinger/{small}?q=lille&sortering=populaere"), await CountAsync(client, $"/indsamlinger/{large}?q=stor&sortering=populaere"));
            Assert.Equal(await CountAsync(client, $"/ideer/{smallIdea}"), await CountAsync(client, $"/ideer/{largeIdea}"));
        }
        Assert.True(await CountAsync(visitor, $"/indsamlinger/{large}") <= 4);
    }
}
