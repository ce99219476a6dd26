using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samskab.Tests.Infrastructure;
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
    public async Task Reads_DemoInitiative_PlatformsActorsTimeline()
    {
        using var api = await BearerAsync("anker@demo.samskab.dk");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/initiatives");
        var demo = list.EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Tryghed i boligområdet Engen");
        var id = demo.GetProperty("id").GetInt32();
        Assert.Equal(6, demo.GetProperty("phase").GetInt32());

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}");
        Assert.StartsWith("Hvordan skaber vi sammen", detail.GetProperty("sharedChallenge").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, detail.GetProperty("groundRules").GetArrayLength());

        var platforms = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/platforms");
        var statuses = platforms.EnumerateArray().Select(p => p.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Active", "Standby", "Closed", "Merged" }, statuses);
        var youth = platforms.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Unge og fællesarealer");
        Assert.Equal("Tobias Tovholder", Assert.Single(youth.GetProperty("coordinators").EnumerateArray()).GetString());

        var actors = await api.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/actors");
        Assert.True(actors.GetArrayLength() >= 30);
        var emil = actors.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Emil Skov");
        Assert.Equal(JsonValueKind.Null, emil.GetProperty("email").ValueKind);

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
