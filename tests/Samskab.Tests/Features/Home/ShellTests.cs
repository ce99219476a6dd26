using System.Net;
using System.Text.Json;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Home;

public class ShellTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task FrontPage_FirstVisit_IsDanishWithDkfdsAndLeadsToSignInAndParticipation()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("da", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Samskab – når vi løser en fælles udfordring sammen", page.Document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("link[href^='/lib/dkfds/css/dkfds.min.css']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/konto/log-ind']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/deltag']"));
        Assert.NotNull(page.Document.QuerySelector("footer a[href='/tilgaengelighed']"));
        Assert.NotNull(page.Document.QuerySelector("footer a[href='/privatliv']"));
    }

    [Fact]
    public async Task FrontendAssets_AreServedFromNpmPackages()
    {
        using var client = factory.CreateAppClient();
        foreach (var asset in new[] { "/lib/dkfds/css/dkfds.min.css", "/lib/dkfds/js/dkfds.min.js", "/lib/htmx/htmx.min.js", "/css/site.css", "/js/site.js" })
        {
            var response = await client.Http.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, asset);
        }
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_IsRememberedInCookie()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/");
        var english = await client.SubmitAsync(page.Document, "form.language-form", submitName: "culture=en");

        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Samskab – solving a shared challenge together", english.Document.QuerySelector("h1")!.TextContent);

        var again = await client.GetAsync("/privatliv");
        Assert.Equal("en", again.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Privacy policy", again.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task FrontPage_SignedOut_MakesNoAntiforgeryToken()
    {
        // The language switch is the only form in the header when signed out; it needs no token, so a visitor's
        // page costs no token and sets no cookie.
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/");
        Assert.Empty(page.Document.QuerySelectorAll("input[name=__RequestVerificationToken], meta[name=request-verification-token]"));
        Assert.False(page.Response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("samskab.af", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LanguageSwitch_SignedInWithoutToken_IsRefused_AndLeavesTheAccount()
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync("tovholder@demo.samskab.dk");
        var refused = await client.PostRawAsync("/sprog", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var start = await client.GetAsync("/start");
        Assert.Equal("da", start.Document.DocumentElement.GetAttribute("lang"));
        // With the token from the page, the switch works and is kept on the account.
        var english = await client.SubmitAsync(start.Document, "form.language-form", submitName: "culture=en");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        var back = await client.SubmitAsync(english.Document, "form.language-form", submitName: "culture=da");
        Assert.Equal("da", back.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task EveryResponse_HasSecurityHeaders_AndCspWithoutInlineScript()
    {
        using var client = factory.CreateAppClient();
        var response = await client.Http.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Correlation-Id").Single()));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        using var client = factory.CreateAppClient();
        foreach (var url in new[] { "/", "/konto/log-ind", "/konto/login-link", "/konto/opret", "/deltag", "/tilgaengelighed", "/privatliv", "/findes-ikke" })
        {
            var page = await client.GetAsync(url);
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {url}"));
            Assert.Empty(page.Document.QuerySelectorAll("style"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task Healthz_DatabaseReachable_ReportsHealthy()
    {
        using var client = factory.CreateAppClient();
        var response = await client.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var client = factory.CreateAppClient();
        var response = await client.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Samskab API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyDanish404WithCorrelationId()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/findes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Siden findes ikke", page.Document.QuerySelector("h1")!.TextContent.Trim());
        var reference = page.Document.QuerySelector("main code")!.TextContent;
        Assert.Equal(page.Response.Headers.GetValues("X-Correlation-Id").Single(), reference);
    }
}
