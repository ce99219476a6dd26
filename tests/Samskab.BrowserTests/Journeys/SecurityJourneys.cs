using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class SecurityJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Actor_OnAPhone_SeesWhereSheIsSignedIn_SignsOutTheOtherDevice_AndReadsHerData()
    {
        // The same person signed in on a desktop too.
        var desktop = await browser.SignedInPageAsync("aktoer@demo.samskab.dk");
        var phone = await browser.SignedInPageAsync("aktoer@demo.samskab.dk", phone: true);

        await phone.GotoAsync("/konto");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Hvor er jeg logget ind?" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".session-this")).ToHaveTextAsync("Denne enhed");
        // Other journeys may have signed her in too; at least the desktop is there besides this phone.
        Assert.True(await phone.Locator(".session-card").CountAsync() >= 2);
        await BrowserFixture.CheckAsync(phone, "60-sessioner-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Log ud alle andre steder" }).ClickAsync();
        await Assertions.Expect(phone.GetByText(new System.Text.RegularExpressions.Regex("Du er logget ud på \\d+ andre enheder\\."))).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".session-card")).ToHaveCountAsync(1);

        // The desktop's next click lands on the sign-in page.
        await desktop.GotoAsync("/start");
        await desktop.WaitForURLAsync("**/konto/log-ind**");

        await phone.GotoAsync("/konto");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Se og hent mine data" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mine data");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Tryghed i boligområdet Engen" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "61-mine-data-telefon");
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.GetByRole(AriaRole.Link, new() { Name = "Hent det hele som JSON" }).ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchorPerson_OpensAnActorWithAnAccount_SeesWhyTheContactDetailsAreTheirs()
    {
        var demo = await browser.App.DemoInitiativeIdAsync();
        var page = await browser.SignedInPageAsync("anker@demo.samskab.dk");
        await page.GotoAsync($"/initiativer/{demo}/aktoerer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aisha Aktør" }).ClickAsync();
        await Assertions.Expect(page.GetByText("har en konto og retter selv navn, e-mail og telefon")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-mail (valgfri)")).ToHaveCountAsync(0);
        await BrowserFixture.CheckAsync(page, "62-aktoer-med-konto");

        // The actor herself sees the overview without anyone's stance or influence.
        var aisha = await browser.SignedInPageAsync("aktoer@demo.samskab.dk", phone: true);
        await aisha.GotoAsync($"/initiativer/{demo}/aktoerer");
        await Assertions.Expect(aisha.GetByRole(AriaRole.Heading, new() { Name = "Indflydelse og holdning" })).ToHaveCountAsync(0);
        await BrowserFixture.CheckAsync(aisha, "63-aktoeroverblik-som-aktoer");
    }
}
