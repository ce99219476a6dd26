using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class CoreTaskJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task TheAnchorPerson_SetsUpAProcess_ChoosesTheOpeningQuestion_AndAStaffMemberOnAPhone_ImprovesA10FormulationTo20_ThatIsChosen()
    {
        var unit = "Børnehuset Kornblomsten " + Guid.NewGuid().ToString("N")[..4];
        var staff = await browser.App.UserAsync("Pia Pædagog");

        // The anchor person sets up the process and invites a parent (no account) and a member of staff (an account).
        var anne = await browser.SignedInPageAsync(GivenCoreTask.AnchorEmail);
        await anne.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Kerneopgaven" }).ClickAsync();
        await anne.GetByRole(AriaRole.Link, new() { Name = "Nyt kerneopgaveforløb" }).ClickAsync();
        await anne.GetByLabel("Enhed").FillAsync(unit);
        await anne.GetByLabel("Din rolle i forløbet").SelectOptionAsync(new SelectOptionValue { Label = "Leder" });
        await anne.GetByLabel("Start på et blankt lærred").CheckAsync();
        await BrowserFixture.CheckAsync(anne, "158-nyt-kerneopgaveforloeb");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Opret forløbet" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Forløbet er oprettet.")).ToBeVisibleAsync();
        await anne.GetByLabel("Navn").FillAsync("Mette, mor til Oliver");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Tilføj deltageren" }).ClickAsync();
        await anne.GetByLabel("Mailadresse på deltagerens konto (valgfri)").FillAsync(staff);
        await anne.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Medarbejder" });
        await anne.GetByRole(AriaRole.Button, new() { Name = "Tilføj deltageren" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Pia Pædagog er med i forløbet som medarbejder.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "159-kerneopgave-deltagere");
        var id = await browser.App.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.UnitName == unit).Select(p => p.Id).SingleAsync());

        // The blank canvas suggests its own question; the anchor person proposes it and chooses it.
        await anne.GetByRole(AriaRole.Link, new() { Name = "Indledende spørgsmål" }).ClickAsync();
        await Assertions.Expect(anne.GetByLabel("Spørgsmålet")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Nu har vi ikke " + unit));
        await anne.GetByRole(AriaRole.Button, new() { Name = "Foreslå spørgsmålet" }).ClickAsync();
        await anne.GetByRole(AriaRole.Button, new() { Name = "Vælg dette spørgsmål" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Spørgsmålet er valgt.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "160-indledende-spoergsmaal");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Overblik", Exact = true }).ClickAsync();
        await anne.GetByLabel("Fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fase 4: Kerneopgaven defineres" });
        await anne.GetByRole(AriaRole.Button, new() { Name = "Flyt forløbet" }).ClickAsync();
        await Assertions.Expect(anne.Locator("[aria-current='step']")).ToContainTextAsync("Kerneopgaven defineres");
        await BrowserFixture.CheckAsync(anne, "161-kerneopgaveforloeb-overblik");

        // The member of staff, on a phone: a 1.0 formulation, checked, then improved into 2.0.
        var pia = await browser.NewPageAsync(phone: true);
        await BrowserFixture.SignInAsync(pia, staff, Given.Password);
        // First an interview from the exploration, with its why chain.
        await pia.GotoAsync($"/kerneopgave/{id}/materiale");
        await pia.GetByText("Interview med 5 × hvorfor").ClickAsync();
        await pia.GetByLabel("Hvem blev interviewet? (valgfrit)").FillAsync("far til en pige på 4");
        await pia.GetByLabel("Svaret").FillAsync("Det bedste er, når hun fortæller om noget, hun selv har bygget.");
        await pia.GetByLabel("Hvorfor? (1)").FillAsync("Fordi så har hun haft lov at bestemme selv.");
        await pia.GetByLabel("Hvorfor? (2)").FillAsync("Fordi hun vokser af at blive taget alvorligt.");
        await pia.GetByLabel("Det underliggende behov").FillAsync("At blive taget alvorligt");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Gem interviewet" }).ClickAsync();
        await Assertions.Expect(pia.Locator(".why-chain li")).ToHaveCountAsync(2);
        await BrowserFixture.CheckAsync(pia, "165-interview-hvorfor-kaede-telefon");
        await pia.GotoAsync($"/kerneopgave/{id}/formuleringer");
        await pia.GetByLabel("Formuleringen").FillAsync("Vores kerneopgave er at tilbyde børnene et trygt og udviklende pædagogisk miljø.");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Tjek formuleringen" }).ClickAsync();
        await Assertions.Expect(pia.Locator(".check-result")).ToContainTextAsync("Version 1.0: skrevet fra medarbejdernes hjemmebane");
        await Assertions.Expect(pia.Locator(".check-result mark").First).ToContainTextAsync("tilbyde");
        await BrowserFixture.CheckAsync(pia, "162-tjek-1-0-telefon");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Gem formuleringen" }).ClickAsync();
        await Assertions.Expect(pia.GetByText("Formuleringen er gemt som version 1.")).ToBeVisibleAsync();
        await pia.GetByLabel("Formuleringen").FillAsync("Barnet oplever at høre til i et fællesskab, hvor det bliver set og selv er med til at bestemme – i dag og når det begynder i skole.");
        await pia.GetByText("De elleve spørgsmål til version 2.0 (valgfrie)").ClickAsync();
        await pia.GetByLabel("3. Hvilken målgruppe skal I konkret gøre en forskel for?").FillAsync("Barnet på 3–6 år og dets familie.");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Tjek formuleringen" }).ClickAsync();
        await Assertions.Expect(pia.Locator(".check-result[aria-labelledby='check-new']")).ToContainTextAsync("Version 2.0: skrevet fra borgerens oplevede velfærd");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Gem som ny version" }).ClickAsync();
        await Assertions.Expect(pia.GetByText("Version 2 er gemt.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(pia, "163-formulering-version-2-telefon");

        // The anchor person chooses it; the overview shows the core task.
        var fid = await browser.App.WithDbAsync(db => db.CoreTaskFormulations.Where(f => f.ProcessId == id).Select(f => f.Id).SingleAsync());
        await anne.GotoAsync($"/kerneopgave/{id}/formuleringer/{fid}");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Vælg formuleringen" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Formuleringen er valgt som kerneopgaven.")).ToBeVisibleAsync();
        await Assertions.Expect(anne.Locator(".chosen-question").Last).ToContainTextAsync("Barnet oplever at høre til");
        Assert.Equal(fid, await browser.App.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.ChosenFormulationId).SingleAsync()));

        // Anyone can try the check, also on a phone.
        var visitor = await browser.NewPageAsync(phone: true);
        await visitor.GotoAsync("/kerneopgave/tjek");
        await visitor.GetByLabel("Formuleringen").FillAsync("Vi sikrer, at de ledige kommer hurtigt i job.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tjek formuleringen" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".check-findings")).ToContainTextAsync("»de ledige« er flertal");
        await BrowserFixture.CheckAsync(visitor, "164-tjek-formulering-telefon");
    }
}
