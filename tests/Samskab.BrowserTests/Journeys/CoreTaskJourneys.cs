using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class CoreTaskJourneys(BrowserFixture browser)
{
    private static readonly string[] Pieces = ["Jeg kender ingen af de andre forældre.", "Vi står alle og kigger på telefonen i garderoben.", "Min datter savner sin ven fra vuggestuen."];

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

    [Fact]
    public async Task MaterialIsGroupedIntoInsights_ByKeyboardAndByDragging_ValidatedOnAPhone_AndTheCitizenCampIsPublic()
    {
        var unit = "Børnehuset Valmuen " + Guid.NewGuid().ToString("N")[..4];
        var staff = await browser.App.UserAsync("Per Pædagog");
        var id = await browser.App.ProcessAsync(GivenCoreTask.AnchorEmail, unit, (staff, "Per Pædagog", Samskab.Web.Features.CoreTask.CoreTaskRole.Staff));
        var pieces = await browser.App.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.IsOwner).Select(p => p.Id).FirstAsync();
            var rows = Pieces.Select((t, i) => new Samskab.Web.Features.CoreTask.CoreTaskMaterial { ProcessId = id, Kind = Samskab.Web.Features.CoreTask.MaterialKind.Interview, Text = t, AuthorId = owner, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i) }).ToList();
            db.CoreTaskMaterials.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });

        // The keyboard alone: tick two cards with the space bar, name the insight, press Enter.
        var anne = await browser.SignedInPageAsync(GivenCoreTask.AnchorEmail);
        await anne.GotoAsync($"/kerneopgave/{id}/indsigter");
        await anne.Locator($"#pick-{pieces[0]}").FocusAsync();
        await anne.Keyboard.PressAsync("Space");
        await anne.Locator($"#pick-{pieces[1]}").FocusAsync();
        await anne.Keyboard.PressAsync("Space");
        await anne.Locator("#Move_NewTitle").FocusAsync();
        await anne.Keyboard.TypeAsync("Forældrene kender ikke hinanden");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Opret indsigten" }).FocusAsync();
        await anne.Keyboard.PressAsync("Enter");
        await Assertions.Expect(anne.GetByText("Indsigten »Forældrene kender ikke hinanden« er oprettet med 2 stykker materiale.")).ToBeVisibleAsync();
        var insight = await browser.App.WithDbAsync(db => db.CoreTaskInsights.Where(i => i.ProcessId == id).Select(i => i.Id).SingleAsync());
        await Assertions.Expect(anne.Locator($"#i-{insight} .board-note")).ToHaveCountAsync(2);
        await BrowserFixture.CheckAsync(anne, "166-indsigter-tavle");

        // With a mouse: the last card dragged onto the insight.
        await anne.Locator($"#n-{pieces[2]}").DragToAsync(anne.Locator($"#i-{insight}"));
        await Assertions.Expect(anne.GetByText("Et stykke materiale er flyttet til »Forældrene kender ikke hinanden«.")).ToBeVisibleAsync();
        await Assertions.Expect(anne.Locator($"#i-{insight} .board-note")).ToHaveCountAsync(3);
        Assert.Equal(3, await browser.App.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(m => m.InsightId == insight)));

        // A participant validates it on a phone.
        var per = await browser.NewPageAsync(phone: true);
        await BrowserFixture.SignInAsync(per, staff, Given.Password);
        await per.GotoAsync($"/kerneopgave/{id}/validering");
        await per.GetByLabel("Delvis enig").CheckAsync();
        await per.GetByRole(AriaRole.Button, new() { Name = "Gem mit svar" }).ClickAsync();
        await Assertions.Expect(per.GetByText("Skriv, hvad du ikke er enig i, så gruppen kan bruge det.").First).ToBeVisibleAsync();
        await per.GetByLabel("Din kommentar").FillAsync("Nogle forældre kender hinanden fra byen, men de nye gør ikke.");
        await per.GetByRole(AriaRole.Button, new() { Name = "Gem mit svar" }).ClickAsync();
        await Assertions.Expect(per.GetByText("Dit svar er gemt: delvis enig.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(per, "167-validering-telefon");

        // The chosen core task goes to the citizen camp, and a citizen reads it on a phone.
        await browser.App.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.IsOwner).Select(p => p.Id).FirstAsync();
            var f = new Samskab.Web.Features.CoreTask.CoreTaskFormulation { ProcessId = id, CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow, LatestNumber = 1 };
            f.Versions.Add(new Samskab.Web.Features.CoreTask.FormulationVersion { Number = 1, Text = "Barnet og familien oplever at høre til i et fællesskab.", Answers = [], AuthorId = owner, CreatedAt = DateTimeOffset.UtcNow });
            db.CoreTaskFormulations.Add(f);
            await db.SaveChangesAsync();
            return await db.CoreTaskProcesses.Where(p => p.Id == id).ExecuteUpdateAsync(x => x.SetProperty(p => p.ChosenFormulationId, f.Id).SetProperty(p => p.Phase, Samskab.Web.Features.CoreTask.CoreTaskPhase.CitizenCamp));
        });
        await anne.GotoAsync($"/kerneopgave/{id}");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Borgercamp", Exact = true }).ClickAsync();
        await BrowserFixture.CheckAsync(anne, "168-aabn-borgercamp");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Offentliggør kerneopgaven og åbn borgercampen" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Borgercampen er åben. Del siden med borgerne.")).ToBeVisibleAsync();
        var citizen = await browser.NewPageAsync(phone: true);
        await citizen.GotoAsync($"/kerneopgave/{id}/borgercamp");
        await Assertions.Expect(citizen.Locator(".core-task-quote")).ToContainTextAsync("Barnet og familien oplever at høre til");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "Foreslå en ny måde" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(citizen, "169-borgercamp-telefon");
    }

    [Fact]
    public async Task ACitizenSendsAPhotoFromAPhoneThroughTheRoomCode_TheOwnerReviewsIt_AndItJoinsTheFutureBusStop()
    {
        var unit = "Jobcenter Havnen " + Guid.NewGuid().ToString("N")[..4];
        var id = await browser.App.ProcessAsync(GivenCoreTask.AnchorEmail, unit);
        var anne = await browser.SignedInPageAsync(GivenCoreTask.AnchorEmail);

        // A ride with a stop, where the dialogue is noted.
        await anne.GotoAsync($"/kerneopgave/{id}/fremtidsbussen");
        await anne.GetByLabel("Turens navn").FillAsync("Tur langs havnen");
        await anne.GetByLabel("Dato").FillAsync("2026-11-20");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Opret turen" }).ClickAsync();
        await anne.GetByText("Tilføj et stop").ClickAsync();
        await anne.GetByLabel("Hvor holder bussen?").FillAsync("Den gamle kran");
        await anne.GetByLabel("Klokken (valgfrit)").FillAsync("09:30");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Tilføj stoppet" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Stoppet er tilføjet.")).ToBeVisibleAsync();
        await anne.GetByLabel("Dialogen ved stoppet").FillAsync("Her var der arbejde til hele byen. Flere nikkede.");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem noterne" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Noterne fra stoppet er gemt.")).ToBeVisibleAsync();

        // A link for the room: its code on the screen.
        await anne.GotoAsync($"/kerneopgave/{id}");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Links til borgere" }).ClickAsync();
        await anne.GetByLabel("Hvad skal borgerne sende?").SelectOptionAsync("Photo");
        await anne.GetByLabel("Spørgsmålet til borgerne (valgfrit)").FillAsync("Tag et foto af et sted, hvor du føler dig velkommen.");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Lav linket" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Linket er klar.")).ToBeVisibleAsync();
        var shown = await anne.Locator(".room-code").First.InnerTextAsync();
        await BrowserFixture.CheckAsync(anne, "170-links-qr");

        // A citizen on a phone, no account: types the code, sends a photo.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync("/kerneopgave/bidrag");
        await phone.GetByLabel("Koden").FillAsync(shown.ToLowerInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Videre" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tag et foto af et sted, hvor du føler dig velkommen.")).ToBeVisibleAsync();
        await phone.GetByLabel("Foto", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "IMG_0042.JPG", MimeType = "image/jpeg", Buffer = Samskab.Web.Infrastructure.Demo.DemoPhotos.Landscape(42) });
        await phone.GetByLabel("Hvad betyder noget for dig her?").FillAsync("Bænken ved vandet, hvor jeg kan tænke.");
        await phone.GetByLabel("Dit navn eller en beskrivelse (valgfrit)").FillAsync("Susanne");
        await BrowserFixture.CheckAsync(phone, "171-bidrag-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tak! Dit bidrag er sendt.")).ToBeVisibleAsync();

        // The owner reviews it; then it is material, and placed on the way to the stop.
        await anne.GotoAsync($"/kerneopgave/{id}");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Gennemse bidragene" }).ClickAsync();
        await Assertions.Expect(anne.Locator("img[alt='Bænken ved vandet, hvor jeg kan tænke.']")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "172-gennemsyn");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Tag med i materialet" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Intet venter på gennemsyn.")).ToBeVisibleAsync();
        await anne.GotoAsync($"/kerneopgave/{id}/materiale");
        await Assertions.Expect(anne.Locator("img[alt='Bænken ved vandet, hvor jeg kan tænke.']")).ToBeVisibleAsync();

        // On the bus: a photo taken on the way to the stop, shown beside its dialogue.
        var stop = await browser.App.WithDbAsync(db => db.CoreTaskBusStops.Where(s => db.CoreTaskBusRides.Any(r => r.Id == s.RideId && r.ProcessId == id)).Select(s => s.Id).SingleAsync());
        await anne.GotoAsync($"/kerneopgave/{id}/fremtidsbussen");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Tilføj et foto på vej til stoppet" }).ClickAsync();
        await anne.Locator("#Photo_File").SetInputFilesAsync(new FilePayload { Name = "kran.jpg", MimeType = "image/jpeg", Buffer = Samskab.Web.Infrastructure.Demo.DemoPhotos.Landscape(7) });
        await anne.GetByLabel("Hvad betyder noget for dig her?").FillAsync("Kranen står der endnu.");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem fotoet" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Fotoet er gemt i forløbets materiale.")).ToBeVisibleAsync();
        await anne.GotoAsync($"/kerneopgave/{id}/fremtidsbussen");
        await Assertions.Expect(anne.Locator($"#stop-{stop} img")).ToHaveAttributeAsync("alt", "Kranen står der endnu.");
        await BrowserFixture.CheckAsync(anne, "173-fremtidsbussen");
    }
}
