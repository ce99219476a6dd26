using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class FoundationJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task FirstVisit_FrontPageToSignInToStartPageAndAccount_AsAnchorPerson()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("da", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.CheckAsync(page, "01-forside");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Log ind" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "02-log-ind");

        await page.GetByLabel("E-mail").FillAsync("anker@demo.samskab.dk");
        await page.GetByLabel("Adgangskode").FillAsync("Samskab-demo-1");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync("**/start");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hej Anne Ankerperson");
        await BrowserFixture.CheckAsync(page, "03-mit-overblik");

        await page.GetByRole(AriaRole.Link, new() { Name = "Anne Ankerperson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Min konto" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "04-min-konto");

        await page.GetByRole(AriaRole.Link, new() { Name = "Personlige adgangsnøgler til API'et" }).ClickAsync();
        await page.GetByLabel("Hvad skal nøglen bruges til?").FillAsync("Intranet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret adgangsnøgle" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToContainTextAsync("sk_");
        await BrowserFixture.CheckAsync(page, "05-adgangsnoegler");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Du er logget ud.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignInLink_OnAPhone_CitizenWithoutPassword()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/konto/login-link");
        await BrowserFixture.CheckAsync(page, "10-login-link-telefon");
        await page.GetByLabel("E-mail").FillAsync("aktoer@demo.samskab.dk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send mig et login-link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tjek din e-mail" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "11-tjek-din-email");

        var link = await browser.App.LatestLinkAsync("aktoer@demo.samskab.dk", "/konto/login-link/");
        await page.GotoAsync(link);
        await BrowserFixture.CheckAsync(page, "12-login-link-knap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/start");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hej Aisha Aktør");
        await BrowserFixture.CheckAsync(page, "13-start-telefon");

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Linket er allerede brugt" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "14-link-brugt");
    }

    [Fact]
    public async Task SignIn_WithErrors_ShowsAccessibleErrorSummaryAndKeepsInput()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync("ikke-en-adresse");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Skriv en gyldig e-mailadresse.");
        await Assertions.Expect(summary).ToContainTextAsync("Skriv din adgangskode.");
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveValueAsync("ikke-en-adresse");
        await BrowserFixture.CheckAsync(page, "20-log-ind-fejl");

        await summary.GetByRole(AriaRole.Link, new() { Name = "Skriv din adgangskode." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Adgangskode")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Language_SwitchToEnglish_AndBack()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/privatliv");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Privacy policy");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.CheckAsync(page, "30-privacy-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Privatlivspolitik");
    }

    [Fact]
    public async Task AnchorPerson_InEnglish_ReadsTheInitiativesHistoryInEnglish()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "anker@demo.samskab.dk");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#venter")).ToHaveTextAsync("Waiting for you");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tryghed i boligområdet Engen" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).ClickAsync();
        var history = page.Locator("ol.timeline");
        await Assertions.Expect(history).ToContainTextAsync("Maria Nielsen has joined the initiative as actor.");
        await Assertions.Expect(history).ToContainTextAsync("Adopted by consent of:");
        await Assertions.Expect(history).Not.ToContainTextAsync("Vedtaget ved konsent");
        await Assertions.Expect(history).Not.ToContainTextAsync("er oprettet med");
        await Assertions.Expect(history).ToContainTextAsync("Newsletter no. 1 is being sent:");
        await BrowserFixture.CheckAsync(page, "31-timeline-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Maria Nielsen er kommet med i initiativet som aktør.");
    }

    [Fact]
    public async Task PublicPages_AreAccessible()
    {
        var page = await browser.NewPageAsync();
        foreach (var (url, name) in new[] { ("/deltag", "40-deltag"), ("/tilgaengelighed", "41-tilgaengelighed"), ("/privatliv", "42-privatliv"), ("/konto/opret", "43-opret-konto"), ("/findes-ikke", "44-404") })
        {
            await page.GotoAsync(url);
            await BrowserFixture.CheckAsync(page, name);
        }
        await page.GotoAsync("/konto/opret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret konto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv dit navn.");
        await BrowserFixture.CheckAsync(page, "45-opret-konto-fejl");
    }

    [Fact]
    public async Task Administrator_InvitesAPerson_AndReadsTheOutbox()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.samskab.dk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "50-administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brugere" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Invitér en person" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "51-inviter");
        await page.GetByLabel("Navn").FillAsync("Karin Kommune");
        await page.GetByLabel("E-mail").FillAsync("karin@eksempel.dk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Invitationen er sendt til karin@eksempel.dk.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "52-brugere");

        await page.GotoAsync("/admin/post");
        await BrowserFixture.CheckAsync(page, "53-udgaaende-post");
        await page.GetByRole(AriaRole.Link, new() { Name = "Du er inviteret til Samskab" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mail-body")).ToContainTextAsync("/konto/invitation/");
        await BrowserFixture.CheckAsync(page, "54-mail");

        var link = await browser.App.LatestLinkAsync("karin@eksempel.dk", "/konto/invitation/");
        var karin = await browser.NewPageAsync();
        await karin.GotoAsync(link);
        await BrowserFixture.CheckAsync(karin, "55-invitation");
        await karin.GetByRole(AriaRole.Button, new() { Name = "Tag imod invitationen" }).ClickAsync();
        await karin.WaitForURLAsync("**/start");
        await Assertions.Expect(karin.GetByText("Velkommen, Karin Kommune. Din konto er klar.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(karin, "56-velkommen");
    }
}

[Collection(BrowserTestGroup.Name)]
public class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task AxeCheck_PageWithViolations_FailsTheTest()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.SetContentAsync("<html><head><title>x</title></head><body><main><img src=\"/favicon.svg\"><input type=\"text\"></main></body></html>");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => BrowserFixture.CheckAsync(page, "99-axe-selvtest"));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}
