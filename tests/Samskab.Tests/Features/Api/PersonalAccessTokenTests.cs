using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Api;

public class PersonalAccessTokenTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Api_Anonymous_Is401NotRedirect()
    {
        using var client = factory.CreateAppClient();
        var response = await client.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithSessionCookie_AnswersForSignedInUser()
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync("anker@demo.samskab.dk");
        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/me"));
        Assert.Equal("anker@demo.samskab.dk", json.RootElement.GetProperty("email").GetString());
        Assert.False(json.RootElement.GetProperty("isAdministrator").GetBoolean());
    }

    [Fact]
    public async Task Token_CreatedOnAccountPage_WorksAsBearer_UntilRevoked()
    {
        using var browser = factory.CreateAppClient();
        await browser.SignInAsync("admin@demo.samskab.dk");
        var page = await browser.GetAsync("/konto/adgangsnoegler");
        var created = await browser.SubmitAsync(page.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "Intranet", ["Input.ExpiresInDays"] = "30" });
        var token = created.Document.QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("sk_", token, StringComparison.Ordinal);

        using var api = factory.CreateAppClient();
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var json = JsonDocument.Parse(await api.Http.GetStringAsync("/api/v1/me")))
        {
            Assert.Equal("admin@demo.samskab.dk", json.RootElement.GetProperty("email").GetString());
            Assert.True(json.RootElement.GetProperty("isAdministrator").GetBoolean());
        }

        var list = await browser.GetAsync("/konto/adgangsnoegler");
        Assert.DoesNotContain(token, list.Body, StringComparison.Ordinal);
        await browser.SubmitAsync(list.Document, "form[action*='handler=Revoke']");
        var after = await api.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_Garbage_Is401()
    {
        using var api = factory.CreateAppClient();
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_InvalidInput_GivesDanishMessages()
    {
        using var browser = factory.CreateAppClient();
        await browser.SignInAsync("aktoer@demo.samskab.dk");
        var page = await browser.GetAsync("/konto/adgangsnoegler");
        var result = await browser.SubmitAsync(page.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.ExpiresInDays"] = "9999" });
        Assert.Contains("Skriv, hvad nøglen skal bruges til.", result.Text);
        Assert.Contains("Vælg mellem 1 og 365 dage.", result.Text);
        var notNumber = await browser.SubmitAsync(page.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "x", ["Input.ExpiresInDays"] = "tre" });
        Assert.Contains("Værdien 'tre' er ikke gyldig.", notNumber.Text);
    }
}
