using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Xunit;

namespace Samskab.Tests.Features.Api;

public class InitiativesApiTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<HttpClient> BearerAsync(string email)
    {
        using var browser = await factory.SignedInAsync(email);
        var page = await browser.GetAsync("/konto/adgangsnoegler");
        var created = await browser.SubmitAsync(page.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "Test" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Document.QuerySelector("#new-token")!.TextContent.Trim());
        return client;
    }

    [Fact]
    public async Task Reads_AnInitiative_PlatformsInEveryState_ActorsWithoutConsentWithoutContact_Timeline()
    {
        var (id, platformIds) = await factory.InitiativeWithPlatformsAsync("API-læsning", "Aktiv P", "Standby P", "Lukket P", "Sammenlagt P");
        await factory.WithDbAsync(async db =>
        {
            var platforms = await db.Platforms.Where(p => platformIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
            platforms[1].Status = PlatformStatus.Standby;
            platforms[2].Status = PlatformStatus.Closed;
            platforms[3].Status = PlatformStatus.Merged;
            platforms[3].MergedIntoId = platforms[0].Id;
            var initiative = await db.Initiatives.SingleAsync(i => i.Id == id);
            initiative.GroundRules = "Vi lytter\nVi holder aftaler";
            var now = DateTimeOffset.UtcNow;
            var shy = new Person { Name = "Sara Uden Samtykke", Email = "sara@eksempel.dk", Phone = "12345678", CreatedAt = now };
            var open = new Person { Name = "Ole Åben", Email = "ole@eksempel.dk", CreatedAt = now };
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = id, Person = shy, Role = InitiativeRole.Actor, AddedAt = now });
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = id, Person = open, Role = InitiativeRole.Actor, AddedAt = now, SharesContactDetails = true });
            db.Timeline.Add(new TimelineEntry { InitiativeId = id, PlatformId = platforms[3].Id, At = now, ByName = "Anne Ankerperson", Kind = "platform.merged", What = "Sammenlagt P er lagt sammen med Aktiv P." });
            return await db.SaveChangesAsync();
        });

        using var api = await BearerAsync("anker@demo.samskab.dk");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/initiatives");
        var mine = list.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("API-læsning", mine.GetProperty("title").GetString());
        Assert.Equal(6, mine.GetProperty("phase").GetInt32());

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}");
        Assert.Equal("Udfordringen for API-læsning", detail.GetProperty("sharedChallenge").GetString());
        Assert.Equal(["Vi lytter", "Vi holder aftaler"], detail.GetProperty("groundRules").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var platforms = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/platforms");
        Assert.Equal(["Active", "Standby", "Closed", "Merged"], platforms.EnumerateArray().OrderBy(p => p.GetProperty("id").GetInt32()).Select(p => p.GetProperty("status").GetString()!).ToArray());
        var active = platforms.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Aktiv P");
        Assert.Equal("Tobias Tovholder", Assert.Single(active.GetProperty("coordinators").EnumerateArray()).GetString());

        var actors = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/actors");
        Assert.Equal(5, actors.GetArrayLength());
        var sara = actors.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Sara Uden Samtykke");
        Assert.Equal(JsonValueKind.Null, sara.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, sara.GetProperty("phone").ValueKind);
        var ole = actors.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Ole Åben");
        Assert.Equal("ole@eksempel.dk", ole.GetProperty("email").GetString());

        var timeline = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/timeline");
        Assert.Contains(timeline.EnumerateArray(), t => t.GetProperty("kind").GetString() == "platform.merged");
    }

    [Fact]
    public async Task Writes_WithBearer_CreateInitiativeAndPlatform_AndChangeIt()
    {
        using var api = await BearerAsync("anker@demo.samskab.dk");
        var bad = await api.PostAsJsonAsync("/api/v1/initiatives", new { title = "", sharedChallenge = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var created = await api.PostAsJsonAsync("/api/v1/initiatives", new { title = "Via API", sharedChallenge = "En udfordring" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var platform = await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/platforms", new { name = "API-platform", focusArea = "Fokus" });
        var platformId = (await platform.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var noReason = await api.PostAsJsonAsync($"/api/v1/platforms/{platformId}/changes", new { kind = "Close" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Skriv en begrundelse.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var closed = await api.PostAsJsonAsync($"/api/v1/platforms/{platformId}/changes", new { kind = "Close", reason = "Afprøvning" });
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Writes_WithSessionCookieOnly_AreRefused_AndActorsCannotCreate()
    {
        using var browser = await factory.SignedInAsync("anker@demo.samskab.dk");
        var cookieWrite = await browser.Http.PostAsJsonAsync("/api/v1/initiatives", new { title = "CSRF", sharedChallenge = "x" });
        Assert.True(cookieWrite.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        using var actor = await BearerAsync("aktoer@demo.samskab.dk");
        var refused = await actor.PostAsJsonAsync("/api/v1/initiatives", new { title = "Aktørens", sharedChallenge = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
