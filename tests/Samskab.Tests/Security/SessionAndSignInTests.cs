using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Xunit;

namespace Samskab.Tests.Security;

/// <summary>Counts password hashes and checks, so a test can see that known and unknown addresses cost the same.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _hashes;
    private int _verifications;

    public int Hashes => Volatile.Read(ref _hashes);
    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherFactory : SamskabFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

/// <summary>Issue 10, findings 3–7: forged hosts, sessions that outlive sign-out, lock-out abuse, enumeration, weak passwords.</summary>
public class SessionAndSignInTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    /// <summary>A client with nothing but a copied cookie header, as an attacker who copied it would have.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static async Task<string> SignInCapturingCookieAsync(SamskabFactory factory, string email, string password)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await http.GetAsync("/konto/log-ind");
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("samskab.auth", StringComparison.Ordinal)));
    }

    private async Task<string> NewAccountAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sofie Session", CreatedAt = DateTimeOffset.UtcNow }, Given.Password)).Succeeded);
        return email;
    }

    [Fact]
    public async Task CopiedCookie_AfterSignOut_OpensNothing()
    {
        var email = await NewAccountAsync("signout@eksempel.dk");
        var cookie = await SignInCapturingCookieAsync(factory, email, Given.Password);
        using var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/start")).StatusCode);

        // The owner signs out with that very cookie.
        var start0 = await copy.GetAsync("/start");
        var antiforgery = string.Join("; ", start0.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("samskab.af", StringComparison.Ordinal)));
        var html = await start0.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ud") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) })
        {
            signOut.Headers.Add("Cookie", cookie + "; " + antiforgery);
            Assert.Equal(HttpStatusCode.Redirect, (await copy.SendAsync(signOut)).StatusCode);
        }

        var start = await copy.GetAsync("/start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains("/konto/log-ind", start.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSessions_AndRevokesTokensWhenAsked()
    {
        var email = await NewAccountAsync("passwordchange@eksempel.dk");
        var stolen = await SignInCapturingCookieAsync(factory, email, Given.Password);
        using var owner = await factory.SignedInAsync(email);
        var tokens = await owner.GetAsync("/konto/adgangsnoegler");
        var created = await owner.SubmitAsync(tokens.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "Intranet", ["Input.ExpiresInDays"] = "30" });
        var token = created.Document.QuerySelector("#new-token")!.TextContent.Trim();
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var account = await owner.GetAsync("/konto");
        Assert.NotNull(account.Document.QuerySelector("#Password_RevokeTokens"));
        var saved = await owner.SubmitAsync(account.Document, "form[action*='handler=Password']", new Dictionary<string, string>
        {
            ["Password.Current"] = Given.Password,
            ["Password.New"] = "Grøn-lampe-over-døren-4",
            ["Password.RevokeTokens"] = "true",
        });
        Assert.Contains("logget ud alle andre steder (1)", saved.Text, StringComparison.Ordinal);
        using var thief = WithCookie(stolen);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/start")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        // The session that changed the password goes on.
        Assert.Equal("/start", (await owner.GetAsync("/start")).Response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SessionsPage_ListsDevices_AndSignsOutEverywhereElse()
    {
        var email = await NewAccountAsync("sessions@eksempel.dk");
        var other = await SignInCapturingCookieAsync(factory, email, Given.Password);
        using var me = factory.CreateAppClient();
        me.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1");
        await me.SignInAsync(email, Given.Password);
        var page = await me.GetAsync("/konto/sessioner");
        Assert.Equal(2, page.Document.QuerySelectorAll(".session-card").Length);
        Assert.Contains("Safari på iPhone", page.Text, StringComparison.Ordinal);
        Assert.Contains("Denne enhed", page.Text, StringComparison.Ordinal);

        var ended = await me.SubmitAsync(page.Document, "form[action*='handler=EndOthers']");
        Assert.Contains("Du er logget ud på 1 andre enheder.", ended.Text, StringComparison.Ordinal);
        using var copy = WithCookie(other);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/start")).StatusCode);
        Assert.Single(ended.Document.QuerySelectorAll(".session-card"));
    }

    [Fact]
    public async Task DeletedAccount_OldCookie_GoesToTheSignInPage_NotAnError()
    {
        var email = await NewAccountAsync("deleted@eksempel.dk");
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var stolen = await SignInCapturingCookieAsync(factory, email, Given.Password);
        using var owner = await factory.SignedInAsync(email);
        var delete = await owner.GetAsync("/konto/slet");
        await owner.SubmitAsync(delete.Document, "main form", new Dictionary<string, string> { ["ConfirmEmail"] = email });

        using var copy = WithCookie(stolen);
        foreach (var path in new[] { "/start", "/konto/mine-data", "/konto/adgangsnoegler", "/kalender" })
        {
            var response = await copy.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/log-ind", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.False(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task SignInLink_IssuedBeforeAnyoneTriedPasswords_StillSignsIn()
    {
        var email = await NewAccountAsync("victim@eksempel.dk");
        using var victim = factory.CreateAppClient();
        var form = await victim.GetAsync("/konto/login-link");
        await victim.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = await factory.LatestLinkAsync(email, "/konto/login-link/");

        using var attacker = factory.CreateAppClient();
        var signIn = await attacker.GetAsync("/konto/log-ind");
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerAccount + 2; i++)
        {
            await attacker.SubmitAsync(signIn.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "gæt-" + i });
        }
        var confirm = await victim.GetAsync(link);
        var result = await victim.SubmitAsync(confirm.Document, "main form");
        Assert.Equal("/start", result.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("allerede brugt", result.Text, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SignInFailures.AnyAsync(f => f.Key == SignInThrottle.AccountKey(email))));
    }

    [Fact]
    public async Task SignIn_KnownAndUnknownAddress_CheckOnePasswordHashEach_AndAnswerAlike()
    {
        var email = await NewAccountAsync("timing@eksempel.dk");
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        var answers = new List<string>();
        foreach (var address in new[] { email, "ingen-konto@eksempel.dk" })
        {
            var before = factory.Hasher.Verifications;
            var result = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = address, ["Input.Password"] = "forkert-men-lang-kode" });
            Assert.Equal(1, factory.Hasher.Verifications - before);
            answers.Add(result.Document.QuerySelector("#Input_Password-error")!.TextContent);
        }
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task Register_ExistingAddressWithWeakPassword_GetsTheSameAnswerAsANewOne_AndHashesAlike()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        var existing = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "X Y", ["Input.Email"] = "aktoer@demo.samskab.dk", ["Input.Password"] = "kort" });
        var fresh = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "X Y", ["Input.Email"] = "helt-ny@eksempel.dk", ["Input.Password"] = "kort" });
        Assert.Equal(existing.Document.QuerySelector("#Input_Password-error")?.TextContent, fresh.Document.QuerySelector("#Input_Password-error")?.TextContent);
        Assert.NotNull(fresh.Document.QuerySelector("#Input_Password-error"));

        var hashesBefore = factory.Hasher.Hashes;
        var known = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "X Y", ["Input.Email"] = "aktoer@demo.samskab.dk", ["Input.Password"] = "Sommerfugl-Rød-Kaffe-9" });
        var afterKnown = factory.Hasher.Hashes;
        var unknown = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "X Y", ["Input.Email"] = "endnu-en-ny@eksempel.dk", ["Input.Password"] = "Sommerfugl-Rød-Kaffe-9" });
        Assert.Equal(afterKnown - hashesBefore, factory.Hasher.Hashes - afterKnown);
        Assert.Equal(known.Document.QuerySelector("h1")!.TextContent, unknown.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("aaaaaaaaaa", "Gentagelser")]
    [InlineData("1234567890", "Rækkefølger")]
    [InlineData("password12", "mest brugte")]
    [InlineData("Samskab-demo-1", "demo-adgangskoden")]
    [InlineData("svag.adresse@eksempel.dk", "dit navn eller din e-mailadresse")]
    public async Task Register_WeakPassword_IsRefusedWithADanishReason(string password, string reason)
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        var result = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "Svag Adresse", ["Input.Email"] = "svag.adresse@eksempel.dk", ["Input.Password"] = password });
        Assert.Contains(reason, result.Document.QuerySelector("#Input_Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "svag.adresse@eksempel.dk")));
    }

    [Fact]
    public async Task ForgedHostHeader_IsRefused_AndMailedLinksUseTheConfiguredAddress()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/login-link");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/konto/login-link")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Email"] = "aktoer@demo.samskab.dk" }),
        };
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.SendAsync(forged)).StatusCode);

        await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk" });
        var mail = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last();
        Assert.Contains("http://localhost/konto/login-link/", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutBaseUrl_TheAppDoesNotStart()
    {
        await using var app = new SamskabFactory();
        app.Settings["Samskab:BaseUrl"] = "";
        await app.PrepareDatabaseAsync();
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Samskab:BaseUrl", error.ToString(), StringComparison.Ordinal);
    }
}
