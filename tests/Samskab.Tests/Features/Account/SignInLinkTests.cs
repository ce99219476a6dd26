using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Account;

public class SignInLinkTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static async Task<AppClient.Result> RequestLinkAsync(AppClient client, string email)
    {
        var page = await client.GetAsync("/konto/login-link");
        return await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = email });
    }

    [Fact]
    public async Task SignInLink_KnownEmail_MailsLinkThatSignsInOnce()
    {
        using var client = factory.CreateAppClient();
        var sent = await RequestLinkAsync(client, "aktoer@demo.samskab.dk");
        Assert.Contains("Tjek din e-mail", sent.Text);

        var link = await factory.LatestLinkAsync("aktoer@demo.samskab.dk", "/konto/login-link/");
        var mail = (await factory.ToAsync("aktoer@demo.samskab.dk"))[^1];
        Assert.Equal("Dit login-link til Samskab", mail.Subject);
        Assert.Contains("Hej Aisha Aktør", mail.TextBody);

        // A second tab (or a double click) has the same link open before it is used.
        using var secondTab = factory.CreateAppClient();
        var secondLanding = await secondTab.GetAsync(link);

        // Opening the link does not sign in (mail scanners open links); the button does.
        var landing = await client.GetAsync(link);
        Assert.Contains("Du logger ind som aktoer@demo.samskab.dk.", landing.Text);
        var signedIn = await client.SubmitAsync(landing.Document, "main form");
        Assert.Equal("/start", signedIn.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Hej Aisha Aktør", signedIn.Text);

        using var other = factory.CreateAppClient();
        var reused = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("Linket er allerede brugt", reused.Text);
        var reusedPost = await secondTab.SubmitAsync(secondLanding.Document, "main form");
        Assert.Contains("Linket er allerede brugt", reusedPost.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await secondTab.GetAsync("/start", follow: false)).Status);
    }

    [Fact]
    public async Task SignInLink_UnknownEmail_SameAnswer_AndAMailWithoutALink()
    {
        using var client = factory.CreateAppClient();
        var sent = await RequestLinkAsync(client, "ukendt@eksempel.dk");
        var known = await RequestLinkAsync(client, "anker@demo.samskab.dk");
        Assert.Contains("Tjek din e-mail", sent.Text);
        Assert.Equal(
            sent.Document.QuerySelector("h1")!.TextContent,
            known.Document.QuerySelector("h1")!.TextContent);
        // The owner of the address learns there is no account; nobody gets a link that signs anyone in.
        var mail = Assert.Single(await factory.ToAsync("ukendt@eksempel.dk"));
        Assert.Contains("der findes ingen konto", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/konto/login-link/", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInLink_Expired_IsRefusedWithDanishMessage()
    {
        using var client = factory.CreateAppClient();
        await RequestLinkAsync(client, "tovholder@demo.samskab.dk");
        var link = await factory.LatestLinkAsync("tovholder@demo.samskab.dk", "/konto/login-link/");
        await factory.WithDbAsync(db => db.OneTimeTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Linket er udløbet", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/konto/login-link']"));
    }

    [Fact]
    public async Task SignInLink_MadeUpToken_IsRefused()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/login-link/det-her-er-ikke-et-link");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Linket er ikke gyldigt", page.Text);
    }

    [Fact]
    public async Task SignInLink_InvalidEmail_GivesDanishMessage()
    {
        using var client = factory.CreateAppClient();
        var result = await RequestLinkAsync(client, "ikke en adresse");
        Assert.Contains("Skriv en gyldig e-mailadresse.", result.Text);
    }
}
