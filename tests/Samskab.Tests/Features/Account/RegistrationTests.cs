using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Account;

public class RegistrationTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static Dictionary<string, string> Form(string name, string email, string password = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Register_WithPassword_RequiresConfirmationBeforeSignIn()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        var done = await client.SubmitAsync(page.Document, "main form", Form("Bo Borger", "bo@eksempel.dk", "en-lang-adgangskode"));
        Assert.Contains("Tjek din e-mail", done.Text);

        var signInPage = await client.GetAsync("/konto/log-ind");
        var refused = await client.SubmitAsync(signInPage.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "bo@eksempel.dk", ["Input.Password"] = "en-lang-adgangskode" });
        Assert.Contains("Du skal bekræfte din e-mailadresse", refused.Text);

        var link = await factory.LatestLinkAsync("bo@eksempel.dk", "/konto/bekraeft/");
        var confirmPage = await client.GetAsync(link);
        var confirmed = await client.SubmitAsync(confirmPage.Document, "main form");
        Assert.Contains("din e-mailadresse er bekræftet", confirmed.Text);
        Assert.Contains("Hej Bo Borger", confirmed.Text);

        using var other = factory.CreateAppClient();
        await other.SignInAsync("bo@eksempel.dk", "en-lang-adgangskode");
    }

    [Fact]
    public async Task Register_ExistingEmail_SameAnswerAndMailToOwner()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        var done = await client.SubmitAsync(page.Document, "main form", Form("Nogen", "anker@demo.samskab.dk"));
        Assert.Contains("Tjek din e-mail", done.Text);
        var mails = await factory.ToAsync("anker@demo.samskab.dk");
        Assert.Contains(mails, m => m.Subject == "Du har allerede en konto på Samskab");
    }

    [Fact]
    public async Task Register_ShortPasswordAndMissingName_GiveDanishMessages()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        var result = await client.SubmitAsync(page.Document, "main form", Form("", "kort@eksempel.dk", "kort"));
        Assert.Contains("Skriv dit navn.", result.Text);
        var again = await client.SubmitAsync(page.Document, "main form", Form("Kim Kort", "kort@eksempel.dk", "kort"));
        Assert.Contains("Adgangskoden skal være mindst 10 tegn.", again.Document.QuerySelector("#Input_Password-error")!.TextContent);
        Assert.Empty(await factory.ToAsync("kort@eksempel.dk"));
    }
}
