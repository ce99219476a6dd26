using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class ParticipationJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_OnAPhone_JoinsWithACode_SeesSimilarIdeas_PostsWithAPhoto_LikesBuildsOnAndFollows_ThenStaffModerateAndAnswer()
    {
        var initiative = await browser.App.DemoInitiativeIdAsync();
        var campaign = await browser.App.CampaignAsync("Legepladser i Engby", initiativeId: initiative);
        var (neighbour, _) = await browser.App.ParticipantAsync("Naboen");
        var swings = await browser.App.IdeaAsync(campaign, neighbour, "Gynger til de store børn", "De store børn mangler gynger ved skolen.");
        var reported = await browser.App.IdeaAsync(campaign, neighbour, "Ring til mig på 20202020", "Jeg vil gerne hjælpe.");
        var phone = await browser.NewPageAsync(phone: true);

        // From the front page to the board.
        await phone.GotoAsync(browser.BaseUrl + "/");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Deltag som borger" }).Last.ClickAsync();
        await BrowserFixture.CheckAsync(phone, "130-deltag-telefon");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Legepladser i Engby" }).ClickAsync();
        await BrowserFixture.CheckAsync(phone, "131-idebank-telefon");

        // Joining: a name and an address, then the code from the mail.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Skriv en idé" }).ClickAsync();
        await BrowserFixture.CheckAsync(phone, "132-deltag-uden-adgangskode-telefon");
        await phone.GetByLabel("Dit navn, som andre ser det").FillAsync("Rikke");
        await phone.GetByLabel("Din e-mail").FillAsync("rikke@eksempel.dk");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send mig en kode" }).ClickAsync();
        await BrowserFixture.CheckAsync(phone, "133-kode-telefon");
        await phone.GetByLabel("Kode").FillAsync(await browser.App.CodeAsync("rikke@eksempel.dk"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Bekræft" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Din e-mail er bekræftet")).ToBeVisibleAsync();

        // Back where she was going: writing. Similar ideas appear while typing.
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Skriv en idé");
        await phone.GetByLabel("Overskrift").FillAsync("Gynger");
        await Assertions.Expect(phone.Locator("#similar").GetByRole(AriaRole.Link, new() { Name = "Gynger til de store børn" })).ToBeVisibleAsync();
        await phone.GetByLabel("Overskrift").FillAsync("Bænke ved legepladsen");
        await phone.GetByLabel("Beskriv idéen").FillAsync("Så forældrene kan sidde, mens børnene leger.");
        var photo = Path.Combine(Path.GetTempPath(), $"bænk-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, GivenParticipation.SidewaysJpegWithGps());
        await phone.GetByLabel("Foto (valgfrit)").SetInputFilesAsync(photo);
        await BrowserFixture.CheckAsync(phone, "134-skriv-ide-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Offentliggør idéen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tak for idéen!")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("img.idea-photo")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "135-ide-med-foto-telefon");
        var key = await browser.App.WithDbAsync(db => db.Ideas.Where(i => i.Title == "Bænke ved legepladsen").Select(i => i.ImageKey).SingleAsync());
        var stored = await File.ReadAllBytesAsync(Path.Combine(browser.App.UploadsDirectory, key + "-stor.jpg"));
        Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));

        // Liking and withdrawing the like (htmx swaps the button), building on and following another idea.
        await phone.GotoAsync(browser.BaseUrl + $"/ideer/{swings}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Synes godt om" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("1 synes godt om")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Fjern synes godt om" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("0 synes godt om")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Synes godt om" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("1 synes godt om")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Følg idéen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Du følger nu idéen")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "136-ide-synes-godt-om-telefon");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Byg videre på idéen" }).ClickAsync();
        await phone.GetByLabel("Overskrift").FillAsync("Gynger og en bænk ved siden af");
        await phone.GetByLabel("Beskriv idéen").FillAsync("Gyngerne fra idéen her, og en bænk til de voksne.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Offentliggør idéen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Bygger videre på Gynger til de store børn")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Idéens familie" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "137-byg-videre-telefon");

        // Three reports hide the other idea; the moderator handles it from the queue.
        foreach (var n in new[] { 1, 2, 3 })
        {
            await using var scope = browser.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Samskab.Web.Infrastructure.Data.AppDbContext>();
            var actions = scope.ServiceProvider.GetRequiredService<IdeaActions>();
            var (reporter, _) = await browser.App.ParticipantAsync($"Anmelder {n}");
            await actions.ReportAsync(await db.Ideas.SingleAsync(i => i.Id == reported), await db.Campaigns.SingleAsync(c => c.Id == campaign), reporter, "Et telefonnummer");
        }
        var manager = await browser.SignedInPageAsync(GivenParticipation.ManagerEmail);
        await manager.GotoAsync(browser.BaseUrl + "/deltag");
        await BrowserFixture.CheckAsync(manager, "138-indsamlinger-du-staar-for");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Legepladser i Engby" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Moderering (1 venter)" }).ClickAsync();
        await BrowserFixture.CheckAsync(manager, "139-moderering");
        var item = manager.Locator($"#ide-{reported}");
        await item.GetByText("Fjern persondata i teksten").ClickAsync();
        await item.GetByLabel("Beskrivelse").FillAsync("Jeg vil gerne hjælpe.");
        await item.GetByLabel("Overskrift").FillAsync("Jeg vil gerne hjælpe");
        await item.GetByLabel("Begrundelse (forfatteren kan se den)").FillAsync("Vi har fjernet et telefonnummer.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Gem rettelsen" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status).GetByText("Persondata fjernet.")).ToBeVisibleAsync();
        await manager.Locator($"#ide-{reported}").GetByRole(AriaRole.Button, new() { Name = "Gendan" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Der venter intet. Godt gået!")).ToBeVisibleAsync();

        // The manager answers the followed idea and takes it to a platform; the follower gets the mail.
        await manager.GotoAsync(browser.BaseUrl + $"/ideer/{swings}");
        await manager.GetByText("Svar på idéen").ClickAsync();
        await manager.GetByLabel("Ny status").SelectOptionAsync(new SelectOptionValue { Label = "Taget op" });
        await manager.GetByLabel("Svar (vises offentligt)").FillAsync("Platformen Unge og fællesarealer tager idéen op.");
        await manager.GetByLabel("Taget op af platformen").SelectOptionAsync(new SelectOptionValue { Label = "Unge og fællesarealer" });
        await BrowserFixture.CheckAsync(manager, "140-svar-paa-ide");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Gem svaret" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Svaret er gemt")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(manager, "141-ide-taget-op");
        var mails = await browser.App.ToAsync("rikke@eksempel.dk");
        Assert.Contains(mails, m => m.Subject.Contains("Gynger til de store børn", StringComparison.Ordinal) && m.TextBody.Contains("Taget op", StringComparison.Ordinal));

        await phone.GotoAsync(browser.BaseUrl + "/deltag/mine");
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Bænke ved legepladsen" }).First).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "142-mine-bidrag-telefon");
    }

    [Fact]
    public async Task WishList_Competition_AndComments_OnAPhone_CitizenCommentsAndVotes_StaffGroupAndJudge()
    {
        var wishes = await browser.App.CampaignAsync("Ønsker til skolegården", type: CampaignType.WishList);
        var competition = await browser.App.CampaignAsync("Tegnekonkurrence", type: CampaignType.Competition, voteOpensInDays: -1, voteClosesInDays: 10);
        var (author, token) = await browser.App.ParticipantAsync("Tegneren");
        await browser.App.IdeaAsync(wishes, author, "Et klatrestativ", "");
        await browser.App.IdeaAsync(wishes, author, "Flere bænke", "");
        var drawing = await browser.App.IdeaAsync(competition, author, "Min skolevej i farver", "En tegning af vejen med cykelstien.");

        // A citizen on a phone votes and comments.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync(browser.BaseUrl + "/");
        await phone.Context.AddCookiesAsync([new Cookie { Name = ParticipantSession.CookieName, Value = token, Url = browser.BaseUrl }]);
        await phone.GotoAsync(browser.BaseUrl + $"/ideer/{drawing}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Stem på bidraget" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("1 stemme")).ToBeVisibleAsync();
        await phone.GetByLabel("Skriv en kommentar").FillAsync("Flotte farver!");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send kommentaren" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tak for kommentaren.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "143-konkurrencebidrag-kommentar-telefon");
        await phone.GotoAsync(browser.BaseUrl + $"/indsamlinger/{wishes}/ny-ide");
        await BrowserFixture.CheckAsync(phone, "144-skriv-et-oenske-telefon");

        // Staff group the wishes into a theme and judge the competition.
        var staff = await browser.SignedInPageAsync(GivenParticipation.ManagerEmail, phone: true);
        await staff.GotoAsync(browser.BaseUrl + $"/indsamlinger/{wishes}/temaer");
        await staff.GetByLabel("Nyt tema").FillAsync("Leg");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Opret temaet" }).ClickAsync();
        await staff.GetByLabel("Et klatrestativ").CheckAsync();
        await staff.GetByLabel("Læg de valgte i temaet").SelectOptionAsync(new SelectOptionValue { Label = "Leg" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByText("1 bidrag er lagt i temaet \"Leg\".")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(staff, "145-temaer-telefon");
        await staff.GotoAsync(browser.BaseUrl + $"/indsamlinger/{wishes}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Ønsker efter tema" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(staff, "146-oenskeseddel-temaer-telefon");

        await staff.GotoAsync(browser.BaseUrl + $"/indsamlinger/{competition}/jury");
        await staff.GetByLabel("Kriterium", new() { Exact = true }).FillAsync("Farver");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Tilføj", Exact = true }).ClickAsync();
        await staff.GetByLabel("Farver").SelectOptionAsync("4");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Gem point – Min skolevej i farver" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Dine point til \"Min skolevej i farver\" er gemt.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(staff, "147-jury-telefon");
        await staff.GetByLabel("Vinderen", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Min skolevej i farver" });
        await staff.GetByLabel("Juryens begrundelse (vises på siden)").FillAsync("Flotte farver og et klart budskab.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Udråb vinderen" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Flotte farver og et klart budskab.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(staff, "148-konkurrence-vinder-telefon");
    }
}
