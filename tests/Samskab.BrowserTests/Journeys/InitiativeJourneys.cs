using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class InitiativeJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task AnchorPerson_CreatesInitiative_AddsActors_CreatesPlatforms_AndTakesOneThroughItsLife()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "anker@demo.samskab.dk");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Initiativer" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "60-initiativer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Opret et initiativ" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Tryghed ved Banegårdspladsen");
        await page.GetByLabel("Den fælles, samlende udfordring").FillAsync("Hvordan gør vi sammen pladsen til et sted, man har lyst til at opholde sig – også om aftenen?");
        await BrowserFixture.CheckAsync(page, "61-opret-initiativ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret initiativ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tryghed ved Banegårdspladsen");
        var initiativeUrl = page.Url;
        await BrowserFixture.CheckAsync(page, "62-initiativ");

        // Two actors from new organisations.
        foreach (var (name, org, type) in new[] { ("Kim Kiosk", "Kiosken på pladsen", "Virksomhed"), ("Dorte Dahl", "Banegårdens Venner", "Forening/civilsamfund") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Aktører", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Tilføj en aktør" }).ClickAsync();
            await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("…eller en ny organisation").FillAsync(org);
            await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = type });
            if (name == "Kim Kiosk")
            {
                await BrowserFixture.CheckAsync(page, "63-tilfoej-aktoer");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj aktør" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"{name} er tilføjet initiativet.")).ToBeVisibleAsync();
        }
        await page.GetByLabel("Indflydelse").SelectOptionAsync(new SelectOptionValue { Label = "Høj" });
        await page.GetByLabel("Holdning").SelectOptionAsync(new SelectOptionValue { Label = "For" });
        await BrowserFixture.CheckAsync(page, "64-aktoer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aktøroverblik" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(page, "65-aktoeroverblik");

        // Two platforms; Kim coordinates the first.
        foreach (var (platform, coordinator) in new[] { ("Pladsen om aftenen", "Kim Kiosk"), ("Bænke og lys", "Dorte Dahl") })
        {
            await page.GotoAsync(initiativeUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Opret udviklingsplatform" }).ClickAsync();
            await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(platform);
            await page.GetByLabel("Fokusområde").FillAsync("Fokus for " + platform);
            await page.GetByLabel($"{coordinator} er medlem").CheckAsync();
            await page.GetByLabel($"{coordinator} er tovholder").CheckAsync();
            await page.GetByLabel("Anne Ankerperson er medlem").CheckAsync();
            if (platform == "Pladsen om aftenen")
            {
                await BrowserFixture.CheckAsync(page, "66-opret-platform");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Opret platform" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(platform);
        }
        await BrowserFixture.CheckAsync(page, "67-platform");

        // Standby, resume, merge into the other, and close the other.
        var act = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Gennemfør en ændring" }) });
        await act.GetByLabel("Sæt på standby").CheckAsync();
        await act.GetByLabel("Begrundelse", new() { Exact = true }).FillAsync("Afventer kommunens beslutning om belysning");
        await act.GetByRole(AriaRole.Button, new() { Name = "Gennemfør ændringen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 + p .status-tag")).ToHaveTextAsync("Standby");
        await BrowserFixture.CheckAsync(page, "68-standby");
        await act.GetByLabel("Genoptag").CheckAsync();
        await act.GetByRole(AriaRole.Button, new() { Name = "Gennemfør ændringen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 + p .status-tag")).ToHaveTextAsync("Aktiv");
        await act.GetByLabel("Læg sammen med en anden platform").CheckAsync();
        await act.GetByLabel("Læg sammen med (ved sammenlægning)").SelectOptionAsync(new SelectOptionValue { Label = "Pladsen om aftenen" });
        await act.GetByLabel("Begrundelse", new() { Exact = true }).FillAsync("Samme sted, samme mennesker");
        await act.GetByRole(AriaRole.Button, new() { Name = "Gennemfør ændringen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 + p .status-tag")).ToHaveTextAsync("Sammenlagt");
        await BrowserFixture.CheckAsync(page, "69-sammenlagt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pladsen om aftenen" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("table").GetByText("Dorte Dahl").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tryghed ved Banegårdspladsen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plakat" }).ClickAsync();
        await Assertions.Expect(page.Locator(".poster svg")).ToContainTextAsync("Pladsen om aftenen");
        await BrowserFixture.CheckAsync(page, "70-plakat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tidslinje" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Bænke og lys er lagt sammen med Pladsen om aftenen");
        await BrowserFixture.CheckAsync(page, "71-tidslinje");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "72-dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Faser" }).ClickAsync();
        await BrowserFixture.CheckAsync(page, "73-faser");
    }

    [Fact]
    public async Task AnchorPerson_OnAPhone_FindsAPersonAmongMany_AndAddsThemToAPlatform()
    {
        // A large initiative: forty people could join the platform, more than the list shows.
        var (initiativeId, platforms) = await Samskab.Tests.Infrastructure.Given.InitiativeWithPlatformsAsync(browser.App, "Mange aktører", "Platform Mange");
        await browser.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var club = new Samskab.Web.Features.Actors.Organisation { Name = "Søndermarkens Gymnastikforening", Type = Samskab.Web.Features.Actors.OrganisationType.CivilSociety, CreatedAt = now };
            for (var n = 0; n < 40; n++)
            {
                db.InitiativeMembers.Add(new Samskab.Web.Features.Initiatives.InitiativeMember
                {
                    InitiativeId = initiativeId,
                    Person = new Samskab.Web.Features.Actors.Person { Name = $"Borger {n:00} Mange", CreatedAt = now, Organisation = n == 17 ? club : null },
                    Role = Samskab.Web.Features.Initiatives.InitiativeRole.Actor,
                    AddedAt = now,
                });
            }
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(phone: true);
        await BrowserFixture.SignInAsync(page, "anker@demo.samskab.dk");
        await page.GotoAsync($"{browser.BaseUrl}/platforme/{platforms[0]}");
        var add = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Tilføj et medlem" }) });
        await add.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.CheckAsync(page, "86-platform-tilfoej-mange");
        await add.GetByLabel("Søg efter en aktør").FillAsync("gymnastik");
        await add.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#personId option")).ToHaveTextAsync(["Borger 17 Mange"]);
        await BrowserFixture.CheckAsync(page, "87-platform-tilfoej-soegt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Borger 17 Mange er tilføjet platformen.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Actor_ProposesAChange_AndTheOtherMemberAgrees_DecidedByConsent()
    {
        var aishaPage = await browser.NewPageAsync(phone: true);
        await BrowserFixture.SignInAsync(aishaPage, "aktoer@demo.samskab.dk");
        await aishaPage.GetByRole(AriaRole.Link, new() { Name = "Lys og stier", Exact = true }).ClickAsync();
        await BrowserFixture.CheckAsync(aishaPage, "80-platform-aktoer-telefon");
        var propose = aishaPage.Locator("section", new() { Has = aishaPage.GetByRole(AriaRole.Heading, new() { Name = "Foreslå en ændring" }) });
        await propose.GetByLabel("Nyt fokus", new() { Exact = true }).CheckAsync();
        await propose.GetByLabel("Begrundelse", new() { Exact = true }).FillAsync("Stierne er på plads; nu skal vi have folk ud at gå.");
        await propose.GetByLabel("Nyt fokus (ved nyt fokus)").FillAsync("Aftengåture og bedre belysning på stierne.");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Send forslaget til platformen" }).ClickAsync();
        await Assertions.Expect(aishaPage.GetByText("Forslaget er sendt til platformens medlemmer.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(aishaPage, "81-forslag-sendt");

        // Every other member agrees; the proposal is adopted when the last one does.
        var others = new[] { "Henrik Bach", "Peter Dahl", "Hanne Vestergaard", "Grethe Jakobsen", "Louise Hansen" };
        foreach (var name in others)
        {
            var email = await Samskab.Tests.Infrastructure.Given.AccountForAsync(browser.App, name);
            var page = await browser.NewPageAsync();
            await BrowserFixture.SignInAsync(page, email, Samskab.Tests.Infrastructure.Given.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "Lys og stier", Exact = true }).ClickAsync();
            var open = page.Locator("section[id^='forslag-']", new() { HasText = "åbent" });
            await open.GetByRole(AriaRole.Button, new() { Name = "Tilslut dig" }).ClickAsync();
            if (name == others[^1])
            {
                await Assertions.Expect(page.GetByText("Alle medlemmer har tilsluttet sig – forslaget er vedtaget og gennemført.")).ToBeVisibleAsync();
                await BrowserFixture.CheckAsync(page, "82-forslag-vedtaget");
            }
            await page.Context.CloseAsync();
        }
        await aishaPage.ReloadAsync();
        await Assertions.Expect(aishaPage.GetByText("Aftengåture og bedre belysning på stierne.").First).ToBeVisibleAsync();
    }
}
