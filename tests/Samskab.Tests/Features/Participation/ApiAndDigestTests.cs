using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.Tests.Features.Participation;

public class ApiAndDigestTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Api_ListsCampaignsAndPublishedIdeas_WithKeysetPages_AndAnIdeasFamilyAndHistory()
    {
        var campaign = await factory.CampaignAsync("API-indsamling");
        var (a, _) = await factory.ParticipantAsync("Api-borger");
        var ids = new List<int>();
        for (var i = 0; i < 25; i++) ids.Add(await factory.IdeaAsync(campaign, a, $"API-idé {i}", buildsOn: i == 24 ? ids[0] : null));
        using var anonymous = factory.CreateAppClient();
        var list = await anonymous.Http.GetFromJsonAsync<JsonElement>("/api/v1/campaigns");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("theme").GetString() == "API-indsamling" && c.GetProperty("ideas").GetInt32() == 25 && c.GetProperty("open").GetBoolean());
        var first = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/ideas");
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("next").GetString();
        var second = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/ideas?after={next}");
        Assert.Equal(5, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.OrderDescending(), all);
        var detail = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{ids[0]}");
        Assert.Equal(2, detail.GetProperty("family").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("buildOns").GetInt32());
        Assert.Equal(0, detail.GetProperty("statusHistory").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/api/v1/campaigns/999999/ideas")).StatusCode);
        // A withdrawn idea is not in the API either.
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Visibility, IdeaVisibility.Withdrawn)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/api/v1/ideas/{ids[1]}")).StatusCode);
        var openapi = await anonymous.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/campaigns/{id}/ideas", openapi);
    }

    [Fact]
    public async Task Digest_MailsEachManagerOnceADay_WithWhatWaits()
    {
        var campaign = await factory.CampaignAsync("Digest", ModerationMode.BeforePublication);
        // A manager of this campaign only (the demo manager had the demo's summary when the app started).
        var email = await factory.AccountForAsync("Grethe Jakobsen");
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            db.CampaignManagers.Add(new CampaignManager { CampaignId = campaign, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        var (a, _) = await factory.ParticipantAsync("Digest-borger");
        await factory.IdeaAsync(campaign, a, "Venter på godkendelse");
        await factory.IdeaAsync(campaign, a, "Venter også");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ModerationDigest>().SendDueAsync();
            await scope.ServiceProvider.GetRequiredService<ModerationDigest>().SendDueAsync();
        }
        var mails = (await factory.ToAsync(email)).Where(m => m.Category == "ModerationDigest").ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("Digest: 2 bidrag venter.", mail.TextBody);
        Assert.Contains("/moderering", mail.TextBody);
    }

    [Fact]
    public async Task Results_ForTheManager_CountsAndExports_WithFormulasDefused_AndNoAddresses()
    {
        var campaign = await factory.CampaignAsync("Resultater");
        var (a, _) = await factory.ParticipantAsync("Resultat-borger", "resultat@eksempel.dk");
        var (b, bToken) = await factory.ParticipantAsync("Liker");
        var top = await factory.IdeaAsync(campaign, a, "=HYPERLINK(\"http://evil\")", "Formel");
        await factory.IdeaAsync(campaign, a, "Anden idé", buildsOn: top);
        using (var liker = factory.ParticipantClient(bToken))
        {
            var page = await liker.GetAsync($"/ideer/{top}");
            await liker.SubmitAsync(page.Document, "form.like-button");
        }
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var results = await manager.GetAsync($"/indsamlinger/{campaign}/resultater");
        var totals = results.Document.QuerySelector(".results-totals")!.TextContent;
        Assert.Contains("2 idéer i alt", System.Text.RegularExpressions.Regex.Replace(totals, "\\s+", " "));
        Assert.Contains("1 idéer bygger videre på andre", System.Text.RegularExpressions.Regex.Replace(totals, "\\s+", " "));
        Assert.Equal(ResultsModelPoints, results.Document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Length);
        var rows = results.Document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        Assert.Equal("1", rows[^1].QuerySelectorAll("td")[1].TextContent);
        var csv = await (await manager.Http.GetAsync($"/indsamlinger/{campaign}/resultater?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain("resultat@eksempel.dk", csv);
        var xlsx = await manager.Http.GetAsync($"/indsamlinger/{campaign}/resultater?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var actor = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync($"/indsamlinger/{campaign}/resultater")).Status);
        _ = b;
    }

    private const int ResultsModelPoints = Samskab.Web.Features.Participation.ResultsModel.Points;
}
