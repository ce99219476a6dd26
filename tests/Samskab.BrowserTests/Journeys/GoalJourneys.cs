using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class GoalJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_SetsAGoalWithBaseline_RecordsAMeasurement_AndSeesTheChart()
    {
        var page = await browser.SignedInPageAsync("tovholder@demo.samskab.dk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unge og fællesarealer", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Se platformens mål" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "110-maal");
        await page.GetByRole(AriaRole.Link, new() { Name = "Flere unge i aktiviteter om aftenen" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure svg[role='img']")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "111-maal-graf");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mål", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nyt mål" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "112-nyt-maal-slags");
        await page.GetByLabel("Kvantitativt mål").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Videre" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Svagheder ved denne slags mål")).ToHaveCountAsync(0);
        await BrowserFixture.CheckAsync(page, "112-nyt-maal");
        await page.GetByLabel("Titel").FillAsync("Flere piger i klubben");
        await page.GetByLabel("Indikator: hvad måler I?").FillAsync("piger i klubben om onsdagen");
        await page.GetByLabel("Baseline", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("Målt den").FillAsync(DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Mål (valgfrit)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem målet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Målet er gemt.")).ToBeVisibleAsync();
        await page.GetByLabel("Værdi").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem måling" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Målingen er gemt.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure table tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.CheckAsync(page, "113-maal-maaling");
    }
}
