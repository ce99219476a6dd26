using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class RealityCheckJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_RunsARealityCheck_WhoseProposalReachesTheChangeProposals_AndAnchorSeesTheRadar()
    {
        var tobias = await browser.SignedInPageAsync("tovholder@demo.samskab.dk");
        await tobias.GetByRole(AriaRole.Link, new() { Name = "Unge og fællesarealer", Exact = true }).ClickAsync();
        await tobias.GetByRole(AriaRole.Link, new() { Name = "Se og start realitetstjek" }).ClickAsync();
        await BrowserFixture.CheckAsync(tobias, "120-realitetstjek");
        await tobias.GetByRole(AriaRole.Button, new() { Name = "Start og send til medlemmerne" }).ClickAsync();
        await Assertions.Expect(tobias.GetByText("Realitetstjekket er startet")).ToBeVisibleAsync();
        var checkUrl = tobias.Url;

        var aisha = await browser.SignedInPageAsync("aktoer@demo.samskab.dk", phone: true);
        await aisha.GotoAsync(checkUrl);
        await aisha.GetByLabel("Hvordan går det med målene siden sidst?").FillAsync("Flere unge kommer, men pigerne mangler stadig.");
        await aisha.GetByLabel("Hvad står i vejen?").FillAsync("Lys på multibanen.");
        await BrowserFixture.CheckAsync(aisha, "121-realitetstjek-svar-telefon");
        await aisha.GetByRole(AriaRole.Button, new() { Name = "Gem mit svar" }).ClickAsync();
        await Assertions.Expect(aisha.GetByText("Tak for dit svar.")).ToBeVisibleAsync();

        await tobias.ReloadAsync();
        await tobias.GetByLabel("Opsamling").FillAsync("Vi holder pause hen over vinteren, til lyset er på plads.");
        await tobias.Locator("section", new() { Has = tobias.GetByRole(AriaRole.Heading, new() { Name = "Afslut realitetstjekket" }) }).GetByLabel("Sæt platformen på standby").CheckAsync();
        await tobias.GetByRole(AriaRole.Button, new() { Name = "Afslut", Exact = true }).ClickAsync();
        await Assertions.Expect(tobias.GetByText("forslaget er sendt til platformens medlemmer")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(tobias, "122-realitetstjek-afsluttet");
        await tobias.GetByRole(AriaRole.Link, new() { Name = "Se forslaget på platformen" }).ClickAsync();
        await Assertions.Expect(tobias.Locator("section[id^='forslag-']", new() { HasText = "realitetstjek" }).First).ToContainTextAsync("Sæt på standby");

        var anne = await browser.SignedInPageAsync("anker@demo.samskab.dk");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Tryghed i boligområdet Engen" }).First.ClickAsync();
        await anne.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(anne.Locator("#radar ~ div table").First).ToContainTextAsync("Erhverv og tryghed");
        await BrowserFixture.CheckAsync(anne, "123-radar");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Evaluering" }).ClickAsync();
        await BrowserFixture.CheckAsync(anne, "124-evaluering");
    }
}
