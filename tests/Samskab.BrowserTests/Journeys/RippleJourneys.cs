using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class RippleJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Actor_RegistersARippleFromAPhone_AndSeesItInTheLog()
    {
        var page = await browser.SignedInPageAsync("aktoer@demo.samskab.dk", phone: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Unge og fællesarealer", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér en ring i vandet" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "100-ring-telefon");
        await page.GetByLabel("Hvad skete der?").FillAsync("Ungerådet har fået lov at bruge festsalen gratis.");
        await page.GetByLabel("Nye ressourcer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tak! Ringen i vandet er registreret.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ungerådet har fået lov at bruge festsalen gratis.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle platformens ringe i vandet" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "101-ringe-log-telefon");
    }
}
