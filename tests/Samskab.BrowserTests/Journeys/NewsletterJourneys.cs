using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public partial class NewsletterJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Anchor_SeesWhoDelivered_Reminds_CoordinatorDeliversOnPhone_AnchorCompilesPreviewsSends_AndWatchesTheProgress()
    {
        var anne = await browser.SignedInPageAsync("anker@demo.samskab.dk");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Tryghed i boligområdet Engen" }).First.ClickAsync();
        await anne.GetByRole(AriaRole.Link, new() { Name = "Nyhedsbreve", Exact = true }).ClickAsync();
        await BrowserFixture.CheckAsync(anne, "130-nyhedsbreve");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Nyhedsbrev nr. 3 – efteråret" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("2 af 4 platforme har et afsnit klar.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "131-nyhedsbrev-arbejdsbord");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Send påmindelse til de platforme, der mangler" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("har fået en påmindelse")).ToBeVisibleAsync();

        // Tobias, the youth club leader, follows the reminder on his phone and finishes the draft.
        var link = await browser.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "tovholder@demo.samskab.dk" && m.Category == "NewsletterReminder")
            .OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync());
        var tobias = await browser.SignedInPageAsync("tovholder@demo.samskab.dk", phone: true);
        await tobias.GotoAsync(browser.BaseUrl + SectionLink().Match(link).Value);
        await tobias.GetByLabel("Det har været svært").FillAsync("At få pigerne med efter kl. 19. Vi har spurgt dem selv, hvad der skal til.");
        await tobias.GetByLabel("Det sker nu").FillAsync("Pigeaften om onsdagen fra januar.");
        await BrowserFixture.CheckAsync(tobias, "132-nyhedsbrev-afsnit-telefon");
        await tobias.GetByRole(AriaRole.Button, new() { Name = "Gem og markér som klar" }).ClickAsync();
        await Assertions.Expect(tobias.GetByText("Afsnittet er klar til nyhedsbrevet. Tak!")).ToBeVisibleAsync();

        // Anne compiles: an introduction, the order, a preview, a test to herself.
        await anne.ReloadAsync();
        await Assertions.Expect(anne.GetByText("3 af 4 platforme har et afsnit klar.")).ToBeVisibleAsync();
        await anne.GetByLabel("Indledning").FillAsync("Tak for et godt statusmøde – og **tak til alle platforme** for jeres afsnit.");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(anne.GetByText("Indledning og referat er gemt.")).ToBeVisibleAsync();
        await anne.GetByRole(AriaRole.Button, new() { Name = "Flyt Naboskab og fællesskab op" }).ClickAsync();
        await Assertions.Expect(anne.Locator("tbody tr").Nth(1)).ToContainTextAsync("Naboskab og fællesskab");
        await anne.GetByRole(AriaRole.Link, new() { Name = "Forhåndsvis" }).ClickAsync();
        var frame = anne.FrameLocator("iframe.newsletter-preview");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Nyhedsbrev nr. 3 – efteråret" })).ToBeVisibleAsync();
        await Assertions.Expect(frame.GetByText("tak til alle platforme")).ToBeVisibleAsync();
        await Assertions.Expect(frame.GetByText("Kære Anne Ankerperson")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "133-nyhedsbrev-forhaandsvisning");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Send en prøve til mig selv" }).ClickAsync();
        await Assertions.Expect(anne.GetByText("En prøve er sendt til anker@demo.samskab.dk.")).ToBeVisibleAsync();

        // Sending: the number of recipients first, and a confirmation for the missing section.
        await anne.GetByRole(AriaRole.Link, new() { Name = "Send nyhedsbrevet …" }).ClickAsync();
        await Assertions.Expect(anne.Locator("#missing-list")).ToContainTextAsync("Erhverv og tryghed");
        await BrowserFixture.CheckAsync(anne, "134-nyhedsbrev-send");
        var sendButton = anne.GetByRole(AriaRole.Button, new() { NameRegex = SendTo() });
        var count = int.Parse(SendTo().Match(await sendButton.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await sendButton.ClickAsync();
        await Assertions.Expect(anne.GetByText("Bekræft, at nyhedsbrevet skal sendes uden dem.").First).ToBeVisibleAsync();
        await anne.GetByLabel("Send uden de manglende afsnit").CheckAsync();
        await anne.GetByRole(AriaRole.Button, new() { NameRegex = SendTo() }).ClickAsync();
        await Assertions.Expect(anne.GetByText($"Nyhedsbrevet sendes nu til {count} modtagere.")).ToBeVisibleAsync();
        await Assertions.Expect(anne.Locator("progress#delivery-bar")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "135-nyhedsbrev-sendes");
        // The page follows the sending by itself until every mail is delivered.
        await Assertions.Expect(anne.GetByRole(AriaRole.Heading, new() { Name = "Afsendelsen er færdig" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(anne.Locator("progress#delivery-bar")).ToHaveAttributeAsync("value", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.CheckAsync(anne, "136-nyhedsbrev-sendt");

        var edition = await browser.App.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.Title == "Nyhedsbrev nr. 3 – efteråret"));
        var received = browser.App.Smtp.Messages().Where(m => m.Subject?.StartsWith(edition.Title, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        await anne.GetByRole(AriaRole.Link, new() { Name = "Se levering pr. modtager" }).ClickAsync();
        await Assertions.Expect(anne.Locator("tbody")).ToContainTextAsync("Leveret");
        await BrowserFixture.CheckAsync(anne, "137-nyhedsbrev-levering");
        await anne.GotoAsync($"{browser.BaseUrl}/nyhedsbreve/{edition.Id}");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Offentliggør version uden kontaktoplysninger" }).ClickAsync();
        await anne.GetByRole(AriaRole.Link, new() { Name = "Læs nyhedsbrevet" }).ClickAsync();
        await Assertions.Expect(anne.GetByRole(AriaRole.Heading, new() { Name = "Kontaktliste" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(anne, "138-nyhedsbrev-arkiv");

        // An actor without signing in: the link in the mail, the public version, and the e-mail preferences.
        var aishaMail = received.Single(m => m.To.Mailboxes.Single().Address == "aktoer@demo.samskab.dk");
        var reader = await browser.NewPageAsync(phone: true);
        await reader.GotoAsync(browser.BaseUrl + Outbox.LinkIn(aishaMail.TextBody!, $"/nyhedsbreve/{edition.Id}/laes?t="));
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Nyhedsbrev nr. 3 – efteråret" })).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(reader, "139-nyhedsbrev-laes-fra-mail-telefon");
        await reader.GotoAsync($"{browser.BaseUrl}/nyhedsbreve/{edition.Id}/offentlig");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Kontaktliste" })).ToHaveCountAsync(0);
        await BrowserFixture.CheckAsync(reader, "140-nyhedsbrev-offentlig");
        await reader.GotoAsync(browser.BaseUrl + Outbox.LinkIn(aishaMail.TextBody!, "/mailindstillinger?t="));
        await BrowserFixture.CheckAsync(reader, "141-mailindstillinger");
    }

    [GeneratedRegex("/nyhedsbreve/\\d+/afsnit/\\d+")]
    private static partial Regex SectionLink();

    [GeneratedRegex("Send til (\\d+) modtagere")]
    private static partial Regex SendTo();
}
