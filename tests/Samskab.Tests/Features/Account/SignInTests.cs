using System.Net;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Xunit;

namespace Samskab.Tests.Features.Account;

public class SignInTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private const string GenericError = "E-mail eller adgangskode er forkert";

    [Fact]
    public async Task SignIn_DemoAnchorPerson_LandsOnStartPageWithName()
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync("anker@demo.samskab.dk");
        var start = await client.GetAsync("/start");
        Assert.Contains("Hej Anne Ankerperson", start.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Tryghed i boligområdet Engen", start.Text);
        Assert.Contains("Maria Nielsen er ny og mangler formøde.", start.Text);
    }

    [Fact]
    public async Task SignInPage_InDemoMode_ListsDemoAccounts()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        foreach (var email in new[] { "admin@demo.samskab.dk", "anker@demo.samskab.dk", "tovholder@demo.samskab.dk", "aktoer@demo.samskab.dk" })
        {
            Assert.Contains(email, page.Text);
        }
        Assert.Contains("Samskab-demo-1", page.Text);
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownEmail_GiveSameDanishMessage()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        var wrong = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk", ["Input.Password"] = "forkert-kode-123" });
        var unknown = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "ingen@eksempel.dk", ["Input.Password"] = "forkert-kode-123" });

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(GenericError, wrong.Text);
        Assert.Contains(GenericError, unknown.Text);
        Assert.Equal(wrong.Document.QuerySelector(".alert-error")!.TextContent, unknown.Document.QuerySelector(".alert-error")!.TextContent);
        Assert.Equal("E-mail", wrong.Document.QuerySelector("label[for='Input_Email']")!.TextContent);
        Assert.Equal("aktoer@demo.samskab.dk", ((AngleSharp.Html.Dom.IHtmlInputElement)wrong.Document.QuerySelector("#Input_Email")!).Value);
        var startPage = await client.GetAsync("/start", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, startPage.Status);
    }

    [Fact]
    public async Task SignIn_FiveFailures_ThrottlesTheAddress_KnownOrNot_AndTheSignInLinkStillWorks()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        foreach (var email in new[] { "tovholder@demo.samskab.dk", "findes-ikke@eksempel.dk" })
        {
            for (var i = 0; i < SignInThrottle.FreeAttemptsPerAccount; i++)
            {
                await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "forkert-kode-" + i });
            }
        }
        var right = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "tovholder@demo.samskab.dk", ["Input.Password"] = "Samskab-demo-1" });
        var unknown = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "findes-ikke@eksempel.dk", ["Input.Password"] = "Samskab-demo-1" });

        // The right password waits too, and the answer is the same whether or not the address has an account.
        Assert.Contains("for mange forkerte forsøg", right.Text, StringComparison.Ordinal);
        Assert.Equal(right.Document.QuerySelector("#Input_Password-error")!.TextContent, unknown.Document.QuerySelector("#Input_Password-error")!.TextContent);
        Assert.Equal("/konto/log-ind", right.Response.RequestMessage!.RequestUri!.AbsolutePath);

        // The mailbox proves who it is: the link signs in at once and lifts the throttle.
        using var viaMail = factory.CreateAppClient();
        var form = await viaMail.GetAsync("/konto/login-link");
        await viaMail.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "tovholder@demo.samskab.dk" });
        var link = await factory.LatestLinkAsync("tovholder@demo.samskab.dk", "/konto/login-link/");
        var confirm = await viaMail.GetAsync(link);
        var signedIn = await viaMail.SubmitAsync(confirm.Document, "main form");
        Assert.Equal("/start", signedIn.Response.RequestMessage!.RequestUri!.AbsolutePath);
        using var again = factory.CreateAppClient();
        await again.SignInAsync("tovholder@demo.samskab.dk");
    }

    [Fact]
    public async Task SignIn_EmptyAndOverlongFields_GiveDanishMessagesAtFields()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        var empty = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        Assert.Contains("Skriv din e-mail.", empty.Document.QuerySelector("#Input_Email-error")!.TextContent);
        Assert.Contains("Skriv din adgangskode.", empty.Document.QuerySelector("#Input_Password-error")!.TextContent);
        Assert.NotNull(empty.Document.QuerySelector(".alert-error a[href='#Input_Email']"));

        var overlong = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = new string('a', 400) + "@x.dk", ["Input.Password"] = new string('x', 300) });
        Assert.Contains("E-mailadressen er for lang.", overlong.Text);
        Assert.Contains("Adgangskoden er for lang.", overlong.Text);
    }

    [Fact]
    public async Task SignIn_ForgedAntiforgeryToken_IsRejectedWith400()
    {
        using var client = factory.CreateAppClient();
        await client.GetAsync("/konto/log-ind");
        var forged = await client.PostRawAsync("/konto/log-ind", new Dictionary<string, string>
        {
            ["Input.Email"] = "anker@demo.samskab.dk",
            ["Input.Password"] = "Samskab-demo-1",
            ["__RequestVerificationToken"] = "CfDJ8-forged-token",
        });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null(forged.Response.Headers.Location);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync("aktoer@demo.samskab.dk");
        var start = await client.GetAsync("/start");
        var signedOut = await client.SubmitAsync(start.Document, "form[action='/konto/log-ud']");
        Assert.Contains("Du er logget ud.", signedOut.Text);
        var again = await client.GetAsync("/start", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.StartsWith("http://localhost/konto/log-ind", again.Location, StringComparison.Ordinal);
    }
}
