using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.Tests.Features.Participation;

public class IdeaBoardTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Write_ShowsSimilarIdeas_WithoutJavaScript_KeepsTheText_ThenPublishes()
    {
        var campaign = await factory.CampaignAsync("Lignende");
        var (author, _) = await factory.ParticipantAsync("Aksel");
        var existing = await factory.IdeaAsync(campaign, author, "Flere bænke i parken", "Der mangler steder at sidde i parken ved søen.");
        await factory.IdeaAsync(campaign, author, "Toilet ved stationen");
        var (_, token) = await factory.ParticipantAsync("Bente");
        using var bente = factory.ParticipantClient(token);
        var form = await bente.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        var similar = await bente.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Bænk", ["Input.Text"] = "Siddepladser i parken" }, "handler=Similar");
        Assert.Contains("Ligner din idé en af disse?", similar.Text);
        var suggestions = similar.Document.QuerySelectorAll(".similar-list li a[href^='/ideer/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal($"/ideer/{existing}", suggestions.First());
        Assert.DoesNotContain("Toilet ved stationen", similar.Text);
        Assert.Equal("Siddepladser i parken", similar.Document.QuerySelector("#Input_Text")!.TextContent.Trim());
        // The htmx fragment while typing gives the same suggestion.
        var fragment = await bente.GetAsync($"/indsamlinger/{campaign}/ny-ide?handler=Similar&Input.Title=b%C3%A6nke");
        Assert.Contains($"/ideer/{existing}", fragment.Body);

        var posted = await bente.SubmitAsync(similar.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Bænke med ryglæn", ["Input.Text"] = "Til de ældre.", ["Input.PlaceName"] = "Søparken" });
        Assert.Contains("Tak for idéen!", posted.Text);
        Assert.Contains("Bente", posted.Text);
        var board = await bente.GetAsync($"/indsamlinger/{campaign}");
        Assert.Contains("Bænke med ryglæn", board.Text);
        Assert.Contains("3 idéer", board.Text);
    }

    [Fact]
    public async Task Write_BadInput_DanishMessages_ClosedCampaignRefuses_AndSpamIsLimited()
    {
        var campaign = await factory.CampaignAsync("Regler");
        var (_, token) = await factory.ParticipantAsync("Carl");
        using var carl = factory.ParticipantClient(token);
        var form = await carl.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        var empty = await carl.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Text"] = "Teksten her må ikke gå tabt" });
        Assert.Contains("Giv idéen en overskrift.", empty.Text);
        Assert.Contains("Teksten her må ikke gå tabt", empty.Document.QuerySelector("#Input_Text")!.TextContent);
        var tooLong = await carl.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = new string('x', 121), ["Input.Text"] = "x" });
        Assert.Contains("Overskriften må højst være 120 tegn.", tooLong.Text);
        for (var i = 0; i < IdeaRules.DefaultIdeasPerHour; i++)
        {
            await carl.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = $"Idé {i}", ["Input.Text"] = "x" });
        }
        var eleventh = await carl.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "En for meget", ["Input.Text"] = "Står her stadig" });
        Assert.Contains("Du har skrevet mange idéer den seneste time", eleventh.Text);
        Assert.Contains("Står her stadig", eleventh.Body);

        var closed = await factory.CampaignAsync("Lukket", opensInDays: -30, closesInDays: -1);
        var old = await factory.IdeaAsync(closed, (await factory.ParticipantAsync("Dora")).Id, "Gammel idé");
        var closedBoard = await carl.GetAsync($"/indsamlinger/{closed}");
        Assert.Contains("Indsamlingen er lukket", closedBoard.Text);
        Assert.Null(closedBoard.Document.QuerySelector($"a[href='/indsamlinger/{closed}/ny-ide']"));
        var write = await carl.GetAsync($"/indsamlinger/{closed}/ny-ide");
        Assert.Contains("ikke åben for nye idéer", write.Text);
        // A like posted to an idea of a closed campaign (an old tab) is refused with a message.
        var antiforgery = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var likeClosed = await carl.PostRawAsync($"/ideer/{old}?handler=Like", new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
        Assert.Equal(HttpStatusCode.Redirect, likeClosed.Status);
        Assert.Contains("Indsamlingen er lukket", (await carl.GetAsync(likeClosed.Location!)).Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdeaLikes.CountAsync(l => l.IdeaId == old)));
    }

    [Fact]
    public async Task Join_ManySignUpsFromOneAddress_AreLimited()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld");
        AppClient.Result last = form;
        for (var i = 0; i < 6; i++)
        {
            last = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Spam", ["Input.Email"] = $"spam{i}@eksempel.dk" });
        }
        Assert.Contains("Der er bedt om mange koder herfra på kort tid", last.Text);
        Assert.Empty(await factory.ToAsync("spam5@eksempel.dk"));
    }

    [Fact]
    public async Task Like_ThenWithdraw_CountsOnce_AndAVisitorIsSentToJoin()
    {
        var campaign = await factory.CampaignAsync("Likes");
        var idea = await factory.IdeaAsync(campaign, (await factory.ParticipantAsync("Eik")).Id, "Legeplads for store børn");
        var (me, token) = await factory.ParticipantAsync("Frida");
        using var frida = factory.ParticipantClient(token);
        var page = await frida.GetAsync($"/ideer/{idea}");
        var liked = await frida.SubmitAsync(page.Document, "form.like-button");
        Assert.Contains("1 synes godt om", liked.Text);
        Assert.Contains("Fjern synes godt om", liked.Text);
        // The same button again (a double click, an old tab) changes nothing.
        await frida.SubmitAsync(page.Document, "form.like-button");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.LikeCount).SingleAsync()));
        var withdrawn = await frida.SubmitAsync(liked.Document, "form.like-button");
        Assert.Contains("0 synes godt om", withdrawn.Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdeaLikes.CountAsync(l => l.IdeaId == idea)));
        // htmx gets the button alone.
        var again = await frida.GetAsync($"/ideer/{idea}");
        var token2 = again.Document.QuerySelector("form.like-button input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/ideer/{idea}?handler=Like") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token2 }) };
        request.Headers.Add("HX-Request", "true");
        var fragment = await frida.Http.SendAsync(request);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.StartsWith("<form", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\"", html);

        using var visitor = factory.CreateAppClient();
        var visit = await visitor.GetAsync($"/ideer/{idea}");
        var join = visit.Document.QuerySelector(".like-button a")!.GetAttribute("href")!;
        Assert.StartsWith("/deltag/tilmeld?tilbage=", join, StringComparison.Ordinal);
        Assert.Null(visit.Document.QuerySelector("input[name=__RequestVerificationToken]"));
        _ = me;
    }

    [Fact]
    public async Task BuildOn_CreditsTheOriginal_AndTheFamilyShowsAsAThread()
    {
        var campaign = await factory.CampaignAsync("Familie");
        var (a, _) = await factory.ParticipantAsync("Gro");
        var root = await factory.IdeaAsync(campaign, a, "Grøn plads");
        var (_, token) = await factory.ParticipantAsync("Hans");
        using var hans = factory.ParticipantClient(token);
        var page = await hans.GetAsync($"/ideer/{root}");
        var build = page.Document.QuerySelector("a[href*='bygger-paa']")!.GetAttribute("href")!;
        var form = await hans.GetAsync(build);
        Assert.Contains("Grøn plads", form.Text);
        var child = await hans.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Grøn plads med æbletræer", ["Input.Text"] = "Frugt til alle." });
        Assert.Contains("Bygger videre på", child.Text);
        var childId = int.Parse(child.Response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var grandchild = await factory.IdeaAsync(campaign, a, "Æbletræer og bænke", buildsOn: childId);
        var rootPage = await hans.GetAsync($"/ideer/{root}");
        Assert.Contains("Idéens familie", rootPage.Text);
        var nested = rootPage.Document.QuerySelectorAll("ul.idea-family ul.idea-family ul.idea-family a").Select(x => x.GetAttribute("href")).ToList();
        Assert.Contains($"/ideer/{grandchild}", nested);
        var counts = await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == root || i.Id == childId).OrderBy(i => i.Id).Select(i => i.BuildOnCount).ToListAsync());
        Assert.Equal([1, 1], counts);
        Assert.Equal(root, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == grandchild).Select(i => i.FamilyRootId).SingleAsync()));
        // Building on an idea of another campaign is refused.
        var other = await factory.CampaignAsync("Anden");
        Assert.Equal(HttpStatusCode.NotFound, (await hans.GetAsync($"/indsamlinger/{other}/ny-ide?bygger-paa={root}")).Status);
    }

    [Fact]
    public async Task Board_KeysetPagesSearchAndFilters_ShowEveryIdeaOnce()
    {
        var campaign = await factory.CampaignAsync("Mange");
        var (a, _) = await factory.ParticipantAsync("Ivan");
        var ids = new List<int>();
        for (var i = 0; i < 45; i++)
        {
            ids.Add(await factory.IdeaAsync(campaign, a, i % 5 == 0 ? $"Cykelsti nummer {i}" : $"Idé nummer {i}", i % 5 == 0 ? "Sikre cykelstier" : "Noget andet"));
        }
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == ids[7]).ExecuteUpdateAsync(s => s.SetProperty(i => i.LikeCount, 99)));
        using var visitor = factory.CreateAppClient();
        foreach (var sort in new[] { "", "&sortering=populaere", "&sortering=videreudviklede" })
        {
            var seen = new List<string>();
            var url = $"/indsamlinger/{campaign}?q={sort}";
            for (var hops = 0; hops < 10 && url is not null; hops++)
            {
                var page = await visitor.GetAsync(url);
                seen.AddRange(page.Document.QuerySelectorAll(".idea-card h2 a").Select(x => x.GetAttribute("href")!));
                url = page.Document.QuerySelectorAll("a.button").FirstOrDefault(x => x.TextContent.Contains("Vis flere", StringComparison.Ordinal))?.GetAttribute("href");
            }
            Assert.Equal(45, seen.Count);
            Assert.Equal(45, seen.Distinct().Count());
            if (sort.Contains("populaere", StringComparison.Ordinal)) Assert.Equal($"/ideer/{ids[7]}", seen[0]);
            if (sort == "") Assert.Equal($"/ideer/{ids[^1]}", seen[0]);
        }
        var search = await visitor.GetAsync($"/indsamlinger/{campaign}?q=cykel");
        Assert.Equal(9, search.Document.QuerySelectorAll(".idea-card").Length);
        var none = await visitor.GetAsync($"/indsamlinger/{campaign}?q=%22%29%20OR%20*");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        var status = await visitor.GetAsync($"/indsamlinger/{campaign}?status=Realised");
        Assert.Contains("Ingen bidrag passer på søgningen.", status.Text);
        var badCursor = await visitor.GetAsync($"/indsamlinger/{campaign}?efter=abc.-1&sortering=x&status=99");
        Assert.Equal(20, badCursor.Document.QuerySelectorAll(".idea-card").Length);
    }

    [Fact]
    public async Task EditOwn_UntilSomeoneLikesIt_ThenWithdraw_AndOthersMayNot()
    {
        var campaign = await factory.CampaignAsync("Ret");
        var (me, token) = await factory.ParticipantAsync("Jytte");
        var idea = await factory.IdeaAsync(campaign, me, "Stavefjl");
        using var jytte = factory.ParticipantClient(token);
        var edit = await jytte.GetAsync($"/ideer/{idea}/ret");
        var saved = await jytte.SubmitAsync(edit.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Stavefejl rettet" });
        Assert.Contains("Idéen er rettet.", saved.Text);
        var (_, otherToken) = await factory.ParticipantAsync("Kim");
        using var kim = factory.ParticipantClient(otherToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync($"/ideer/{idea}/ret")).Status);
        var page = await kim.GetAsync($"/ideer/{idea}");
        await kim.SubmitAsync(page.Document, "form.like-button");
        var locked = await jytte.GetAsync($"/ideer/{idea}/ret");
        Assert.Contains("kan ikke rettes længere", locked.Text);
        var own = await jytte.GetAsync($"/ideer/{idea}");
        var withdrawn = await jytte.SubmitAsync(own.Document, "form[action*='handler=Withdraw']");
        Assert.Contains("Idéen er trukket tilbage", withdrawn.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.GetAsync($"/ideer/{idea}")).Status);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => c.IdeaCount).SingleAsync()));
    }
}
