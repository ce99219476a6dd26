using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class MeetingJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task AnchorPerson_PlansNextStatusMeeting_ActorRepliesFromMail_MinutesAndAgreementReachTheOwner()
    {
        var anne = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(anne, "anker@demo.samskab.dk");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Tryghed i boligområdet Engen" }).First.ClickAsync();
        await anne.GetByRole(AriaRole.Link, new() { Name = "Møder", Exact = true }).ClickAsync();
        await BrowserFixture.CheckAsync(anne, "90-moeder");

        // Cancel the demo's planned spring meeting first, so the proposal is six months after the autumn one.
        await anne.GetByRole(AriaRole.Link, new() { Name = "Planlæg næste fælles statusmøde" }).ClickAsync();
        await Assertions.Expect(anne.GetByLabel("Dagsorden")).ToContainTextAsync("Hver platform fortæller");
        await Assertions.Expect(anne.GetByLabel("Vært", new() { Exact = true })).Not.ToHaveValueAsync("");
        await BrowserFixture.CheckAsync(anne, "91-planlaeg-statusmoede");
        await anne.GetByLabel("Titel").FillAsync("Fælles statusmøde med borgmesteren");
        await anne.GetByLabel("Gæstetaler (valgfri)").FillAsync("Borgmesteren");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Planlæg og send invitationer" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Mødet er planlagt")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "92-moede");
        var meetingUrl = anne.Url;

        // Aisha answers from the link in her mail, on her phone, without signing in.
        var mails = await browser.App.ToAsync("aktoer@demo.samskab.dk");
        var invitation = mails.Last(m => m.Subject == "Invitation: Fælles statusmøde med borgmesteren");
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync(Outbox.LinkIn(invitation.TextBody, "/moeder/svar/"));
        await BrowserFixture.CheckAsync(phone, "93-svar-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ja, jeg kommer" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tak – vi ses!")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "94-svar-tak");

        // Minutes of the last status meeting held: two items typed, then "Tilføj aftale" – nothing typed is lost.
        await anne.GotoAsync(meetingUrl);
        await Assertions.Expect(anne.Locator("dl.facts")).ToContainTextAsync("1 ja");
        await Assertions.Expect(anne.GetByLabel("Referat af punktet")).ToHaveCountAsync(0);
        var now = DateTimeOffset.UtcNow;
        var held = await browser.App.WithDbAsync(db => db.Meetings.Where(m => m.Type == Samskab.Web.Features.Meetings.MeetingType.StatusMeeting && m.CancelledAt == null)
            .OrderByDescending(m => m.StartsAt).Select(m => new { m.Id, m.StartsAt }).ToListAsync());
        await anne.GotoAsync($"/moeder/{held.First(m => m.StartsAt < now).Id}");
        var items = anne.Locator("ol.agenda li");
        await items.Nth(0).GetByRole(AriaRole.Textbox).FillAsync("Værten bød velkommen. 38 deltog.");
        await items.Nth(1).GetByRole(AriaRole.Textbox).FillAsync("Dagsordenen blev godkendt uden ændringer.");
        await anne.GetByLabel("Hvad er aftalt?").FillAsync("Invitere ungerådet til næste statusmøde");
        await anne.GetByLabel("Ansvarlig").SelectOptionAsync(new SelectOptionValue { Label = "Aisha Aktør" });
        await anne.GetByRole(AriaRole.Button, new() { Name = "Tilføj aftale" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Aftalen er gemt og vises på ansvarliges overblik.")).ToBeVisibleAsync();
        await Assertions.Expect(items.Nth(0).GetByRole(AriaRole.Textbox)).ToHaveValueAsync("Værten bød velkommen. 38 deltog.");
        await Assertions.Expect(items.Nth(1).GetByRole(AriaRole.Textbox)).ToHaveValueAsync("Dagsordenen blev godkendt uden ændringer.");
        await BrowserFixture.CheckAsync(anne, "95-referat-og-aftale");
        await anne.GotoAsync(meetingUrl);

        // Moving the meeting keeps it the same calendar entry for everyone.
        var change = anne.Locator("section", new() { Has = anne.GetByRole(AriaRole.Heading, new() { Name = "Ændr tid eller sted" }) });
        await change.GetByLabel("Fra kl.").FillAsync("16:30");
        await change.GetByRole(AriaRole.Button, new() { Name = "Gem og giv besked" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Mødet er ændret")).ToBeVisibleAsync();

        var aisha = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(aisha, "aktoer@demo.samskab.dk");
        await Assertions.Expect(aisha.GetByText("Invitere ungerådet til næste statusmøde")).ToBeVisibleAsync();
        await Assertions.Expect(aisha.Locator("#venter")).ToHaveTextAsync("Venter på dig");
        await BrowserFixture.CheckAsync(aisha, "96-start-med-aftale");
        await aisha.GotoAsync("/kalender");
        await aisha.GetByRole(AriaRole.Button, new() { Name = "Lav link" }).First.ClickAsync();
        await Assertions.Expect(aisha.Locator("#feed-url")).ToContainTextAsync("/kalender/");
        Assert.StartsWith("webcal://", await aisha.Locator("#webcal-link").GetAttributeAsync("href"), StringComparison.Ordinal);
        await BrowserFixture.CheckAsync(aisha, "97-kalenderlink");
    }
}
