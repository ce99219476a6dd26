using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Account;

public class AccountPageTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<AppClient> NewUserAsync(string email, string password = "Blå-cykel-i-regnvejr-7")
    {
        var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/opret");
        await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "Test Person", ["Input.Email"] = email, ["Input.Password"] = password });
        var link = await factory.LatestLinkAsync(email, "/konto/bekraeft/");
        var confirm = await client.GetAsync(link);
        await client.SubmitAsync(confirm.Document, "main form");
        return client;
    }

    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToSignIn()
    {
        using var client = factory.CreateAppClient();
        var result = await client.GetAsync("/konto", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Contains("/konto/log-ind", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ChangeNameAndLanguage_IsSavedAndUsed()
    {
        using var client = await NewUserAsync("profil@eksempel.dk");
        var page = await client.GetAsync("/konto");
        var saved = await client.SubmitAsync(page.Document, "form[action*='handler=Profile']", new Dictionary<string, string> { ["Profile.Name"] = "Pia Profil", ["Profile.Language"] = "en" });
        Assert.Equal("en", saved.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Your profile has been saved.", saved.Text);
        Assert.Equal("Pia Profil", saved.Document.QuerySelector("#Profile_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Profile_EmptyName_KeepsOtherInputAndShowsMessage()
    {
        using var client = await NewUserAsync("tomt@eksempel.dk");
        var page = await client.GetAsync("/konto");
        var result = await client.SubmitAsync(page.Document, "form[action*='handler=Profile']", new Dictionary<string, string> { ["Profile.Name"] = "" });
        Assert.Contains("Skriv dit navn.", result.Document.QuerySelector("#Profile_Name-error")!.TextContent);
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "tomt@eksempel.dk").Select(u => u.DisplayName).SingleAsync());
        Assert.Equal("Test Person", name);
    }

    [Fact]
    public async Task Password_Change_RequiresCurrentAndWorksAfterwards()
    {
        using var client = await NewUserAsync("kode@eksempel.dk");
        var page = await client.GetAsync("/konto");
        var wrong = await client.SubmitAsync(page.Document, "form[action*='handler=Password']", new Dictionary<string, string> { ["Password.Current"] = "forkert-kode-1234", ["Password.New"] = "ny-adgangskode-123" });
        Assert.Contains("Den nuværende adgangskode er forkert.", wrong.Text);
        var ok = await client.SubmitAsync(page.Document, "form[action*='handler=Password']", new Dictionary<string, string> { ["Password.Current"] = "Blå-cykel-i-regnvejr-7", ["Password.New"] = "ny-adgangskode-123" });
        Assert.Contains("Din adgangskode er gemt.", ok.Text);
        using var other = factory.CreateAppClient();
        await other.SignInAsync("kode@eksempel.dk", "ny-adgangskode-123");
    }

    [Fact]
    public async Task EmailChange_TakesEffectOnlyAfterConfirmation()
    {
        using var client = await NewUserAsync("gammel@eksempel.dk");
        var page = await client.GetAsync("/konto");
        var requested = await client.SubmitAsync(page.Document, "form[action*='handler=Email']", new Dictionary<string, string> { ["NewEmail"] = "ny@eksempel.dk" });
        Assert.Contains("Vi har sendt et link til ny@eksempel.dk", requested.Text);
        Assert.Contains("gammel@eksempel.dk", requested.Document.QuerySelector("#email-heading + p")!.TextContent);

        var link = await factory.LatestLinkAsync("ny@eksempel.dk", "/konto/bekraeft/");
        var confirm = await client.GetAsync(link);
        var done = await client.SubmitAsync(confirm.Document, "main form");
        Assert.Contains("Din e-mailadresse er ændret til ny@eksempel.dk.", done.Text);
    }

    [Fact]
    public async Task MyData_DownloadsJsonWithAccountAndMemberships()
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync("tovholder@demo.samskab.dk");
        var response = await client.Http.GetAsync("/konto/mine-data?handler=Json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("tovholder@demo.samskab.dk", json.RootElement.GetProperty("Account").GetProperty("Email").GetString());
        Assert.Contains(json.RootElement.GetProperty("Platforms").EnumerateArray(), p => p.GetProperty("IsCoordinator").GetBoolean());
        Assert.DoesNotContain("PasswordHash", json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAccount_WrongConfirmation_KeepsAccount_RightConfirmation_Deletes()
    {
        using var client = await NewUserAsync("slet@eksempel.dk");
        var page = await client.GetAsync("/konto/slet");
        var wrong = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["ConfirmEmail"] = "noget@andet.dk" });
        Assert.Contains("Skriv din egen e-mailadresse præcis", wrong.Text);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "slet@eksempel.dk")));

        var deleted = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["ConfirmEmail"] = "slet@eksempel.dk" });
        Assert.Contains("Din konto er slettet.", deleted.Text);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "slet@eksempel.dk")));
    }
}
