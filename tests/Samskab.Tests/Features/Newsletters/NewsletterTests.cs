using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Newsletters;
using Xunit;

namespace Samskab.Tests.Features.Newsletters;

public class NewsletterTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<(int Initiative, int[] Platforms, int Edition)> OpenEditionAsync(string title, params string[] platforms)
    {
        var (initiative, ids) = await factory.InitiativeWithPlatformsAsync(title, platforms);
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var list = await anne.GetAsync($"/initiativer/{initiative}/nyhedsbreve");
        var opened = await anne.SubmitAsync(list.Document, "main form", new Dictionary<string, string> { ["Title"] = "Nyhedsbrev om " + title });
        Assert.Contains("Nyhedsbrevet er åbnet.", opened.Text);
        var edition = int.Parse(opened.Response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return (initiative, ids, edition);
    }

    private static async Task<AppClient.Result> WriteSectionAsync(AppClient client, int edition, int sectionId, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync($"/nyhedsbreve/{edition}/afsnit/{sectionId}");
        return await client.SubmitAsync(page.Document, "main form", fields, submitName: $"Mark={handler}");
    }

    [Fact]
    public async Task Anchor_Opens_EachActivePlatformGetsASection_MembersWriteTheirOwn_AnchorSeesWhoDelivered_AndReminds()
    {
        var (initiative, platforms, edition) = await OpenEditionAsync("Nyhed 1", "Alfa", "Beta");
        var sections = await factory.WithDbAsync(db => db.NewsletterSections.Where(s => s.NewsletterId == edition).OrderBy(s => s.Position).ToListAsync());
        Assert.Equal(platforms, sections.Select(s => s.PlatformId).ToArray());
        Assert.All(sections, s => Assert.Equal(SectionStatus.NotStarted, s.Status));

        // A double click on "open" gives the same edition, not a second one.
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var list = await anne.GetAsync($"/initiativer/{initiative}/nyhedsbreve");
        Assert.Contains("Nyhedsbrev om Nyhed 1 er under udarbejdelse: 0 af 2 platforme har et afsnit klar.", list.Text);
        var again = await anne.PostRawAsync($"/initiativer/{initiative}/nyhedsbreve", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = list.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        Assert.Equal($"/nyhedsbreve/{edition}", again.Location);
        Assert.Contains("Der er allerede et nyhedsbrev under udarbejdelse", (await anne.GetAsync(again.Location!)).Text);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Newsletters.CountAsync(n => n.InitiativeId == initiative)));

        // The coordinator opens the section: focus and progress are prefilled.
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var form = await tobias.GetAsync($"/nyhedsbreve/{edition}/afsnit/{sections[0].Id}");
        Assert.Equal("Fokus for Alfa", form.Document.QuerySelector("#Focus")!.TextContent.Trim());
        var notReady = await tobias.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Focus"] = "", ["Progress"] = "" }, submitName: "Mark=Ready");
        Assert.Contains("Skriv platformens fokus lige nu, før afsnittet er klar.", notReady.Text);
        var ready = await WriteSectionAsync(tobias, edition, sections[0].Id, "Ready", new() { ["Focus"] = "Unge om aftenen", ["Progress"] = "- 25 unge om fredagen", ["Challenges"] = "Pigerne kommer ikke", ["NextSteps"] = "Pigeaften" });
        Assert.Contains("Afsnittet er klar til nyhedsbrevet.", ready.Text);
        var draft = await WriteSectionAsync(tobias, edition, sections[1].Id, "Draft", new() { ["Focus"] = "Stier", ["Progress"] = "" });
        Assert.Contains("Afsnittet er gemt som kladde.", draft.Text);

        // The anchor person sees who has delivered, and reminds the one who has not.
        var workbench = await anne.GetAsync($"/nyhedsbreve/{edition}");
        Assert.Contains("1 af 2 platforme har et afsnit klar.", workbench.Text);
        var rows = workbench.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Alfa", StringComparison.Ordinal) && r.Contains("Klar", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Beta", StringComparison.Ordinal) && r.Contains("Kladde", StringComparison.Ordinal));
        var reminded = await anne.SubmitAsync(workbench.Document, "form[action*='handler=Remind']");
        Assert.Contains("1 har fået en påmindelse.", reminded.Text);
        var reminder = Assert.Single(await factory.ToAsync("tovholder@demo.samskab.dk"), m => m.Category == "NewsletterReminder" && m.Subject.Contains("Beta", StringComparison.Ordinal));
        Assert.Contains($"/nyhedsbreve/{edition}/afsnit/{sections[1].Id}", reminder.TextBody, StringComparison.Ordinal);
        var twice = await anne.SubmitAsync(workbench.Document, "form[action*='handler=Remind']");
        Assert.Contains("Der er ingen at minde om i dag", twice.Text);
    }

    [Fact]
    public async Task Permissions_ActorCannotCompileOrSend_MemberEditsOnlyOwnPlatform_AnchorCannotWriteASection()
    {
        var (_, _, edition) = await OpenEditionAsync("Nyhed 2", "Gamma");
        var section = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(s => s.NewsletterId == edition));
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/nyhedsbreve/{edition}/send")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/nyhedsbreve/{edition}/forhaandsvisning")).Status);
        var workbench = await aisha.GetAsync($"/nyhedsbreve/{edition}");
        Assert.Equal(HttpStatusCode.OK, workbench.Status);
        Assert.Null(workbench.Document.QuerySelector("form[action*='handler=Compose']"));
        var token = workbench.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? (await aisha.GetAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var compose = await aisha.PostRawAsync($"/nyhedsbreve/{edition}?handler=Compose", new Dictionary<string, string> { ["Title"] = "Kapret", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, compose.Status);
        var send = await aisha.PostRawAsync($"/nyhedsbreve/{edition}/send", new Dictionary<string, string> { ["ConfirmMissing"] = "true", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, send.Status);

        // Aisha is a member of this platform (she may help the coordinator), but not of every demo platform.
        var own = await WriteSectionAsync(aisha, edition, section.Id, "Draft", new() { ["Focus"] = "Aishas udkast" });
        Assert.Contains("Afsnittet er gemt som kladde.", own.Text);
        var demoSection = await factory.WithDbAsync(db => db.NewsletterSections
            .Where(s => db.Newsletters.Any(n => n.Id == s.NewsletterId && n.Status == EditionStatus.Draft && n.InitiativeId == db.Initiatives.OrderBy(i => i.Id).First().Id)
                && !db.PlatformMembers.Any(m => m.PlatformId == s.PlatformId && m.LeftOn == null && m.Person!.Email == "aktoer@demo.samskab.dk"))
            .FirstAsync());
        var other = await aisha.PostRawAsync($"/nyhedsbreve/{demoSection.NewsletterId}/afsnit/{demoSection.Id}", new Dictionary<string, string> { ["Mark"] = "Ready", ["Focus"] = "Kapret", ["Progress"] = "x", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);

        // The anchor person compiles but does not write a platform's section.
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var read = await anne.GetAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Null(read.Document.QuerySelector("main form"));
        Assert.Contains("Aishas udkast", read.Text);
    }

    [Fact]
    public async Task ScriptAndHtmlInjection_NeverReachesThePreviewOrTheMail()
    {
        var (_, _, edition) = await OpenEditionAsync("Nyhed 3", "Delta");
        var section = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(s => s.NewsletterId == edition));
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        await WriteSectionAsync(tobias, edition, section.Id, "Ready", new()
        {
            ["Focus"] = "<script>alert('fokus')</script> **fed**",
            ["Progress"] = "[klik](javascript:alert(1)) <img src=x onerror=alert(2)> <a href=\"https://eksempel.dk\" onclick=\"alert(3)\">link</a>",
            ["Challenges"] = "# Overskrift\n<iframe src=\"https://ondt.example\"></iframe>",
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var mail = await anne.GetAsync($"/nyhedsbreve/{edition}/forhaandsvisning?handler=Mail");
        Assert.Equal(HttpStatusCode.OK, mail.Status);
        var html = mail.Body;
        // What was typed is shown as text; nothing of it became markup.
        Assert.Empty(mail.Document.QuerySelectorAll("script, iframe, img, object, embed"));
        Assert.DoesNotContain(mail.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(mail.Document.QuerySelectorAll("a[href]"), a => !a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal) && !a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>fed</strong>", html, StringComparison.Ordinal);
        // A heading in a section becomes bold text, so the newsletter's own headings keep their order.
        Assert.Contains("<p><strong>Overskrift</strong></p>", html, StringComparison.Ordinal);
        // The frame is served with a policy that allows no script at all.
        var csp = mail.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains(NewsletterRenderer.StyleHash, csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShowsRecipientsFirst_MissingSectionsNeedConfirmation_BadAddressesReported_OneMailPerRecipient()
    {
        var (initiative, platforms, edition) = await OpenEditionAsync("Nyhed 4", "Epsilon", "Zeta");
        // Two more actors: one without an address, one with a broken one; the demo's Bo has not consented to share contact details.
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var noMail = new Samskab.Web.Features.Actors.Person { Name = "Uden Mail", CreatedAt = now };
            var badMail = new Samskab.Web.Features.Actors.Person { Name = "Forkert Mail", Email = "forkert@@adresse", CreatedAt = now };
            var secret = new Samskab.Web.Features.Actors.Person { Name = "Hemmelig Person", Email = "hemmelig@eksempel.dk", Phone = "+45 11 22 33 44", CreatedAt = now };
            var open = new Samskab.Web.Features.Actors.Person { Name = "Åben Person", Email = "aaben@eksempel.dk", Phone = "+45 55 66 77 88", CreatedAt = now };
            foreach (var p in new[] { noMail, badMail, secret, open })
            {
                db.InitiativeMembers.Add(new Samskab.Web.Features.Initiatives.InitiativeMember { InitiativeId = initiative, Person = p, AddedAt = now, SharesContactDetails = p == open });
            }
            await db.SaveChangesAsync();
        });
        var section = await factory.WithDbAsync(db => db.NewsletterSections.FirstAsync(s => s.NewsletterId == edition && s.PlatformId == platforms[0]));
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        await WriteSectionAsync(tobias, edition, section.Id, "Ready", new() { ["Focus"] = "Fokus", ["Progress"] = "Fremdrift" });

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var send = await anne.GetAsync($"/nyhedsbreve/{edition}/send");
        Assert.True(send.Status == HttpStatusCode.OK, send.Body);
        // Anne, Aisha, Tobias and Åben/Hemmelig can get it; the two without a usable address are listed.
        Assert.Contains("5 modtagere", send.Text);
        Assert.Contains("Uden Mail – Ingen e-mailadresse", send.Text);
        Assert.Contains("Forkert Mail – Ugyldig e-mailadresse", send.Text);
        Assert.Contains("Zeta", send.Document.QuerySelector("#missing-list")!.TextContent);
        var unconfirmed = await anne.SubmitAsync(send.Document, "main form[method='post']");
        Assert.Contains("Disse platforme har ikke et afsnit klar: Zeta.", unconfirmed.Text);
        Assert.Equal(EditionStatus.Draft, await factory.WithDbAsync(db => db.Newsletters.Where(n => n.Id == edition).Select(n => n.Status).SingleAsync()));

        // Bad choices are answered in Danish, the error summary links to a real field, and nothing is sent.
        var bad = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["Audience"] = "99", ["ConfirmMissing"] = "true" });
        Assert.Contains("Værdien '99' er ikke gyldig.", bad.Text);
        Assert.NotNull(bad.Document.QuerySelector("#Audience"));
        var noPlatform = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["Audience"] = "Platforms", ["ConfirmMissing"] = "true" });
        Assert.Contains("Vælg mindst én platform.", noPlatform.Text);
        Assert.NotNull(noPlatform.Document.QuerySelector("#PlatformIds"));
        Assert.Equal(EditionStatus.Draft, await factory.WithDbAsync(db => db.Newsletters.Where(n => n.Id == edition).Select(n => n.Status).SingleAsync()));

        // Only coordinators: the count follows the choice.
        var coordinators = await anne.GetAsync($"/nyhedsbreve/{edition}/send?Audience=Coordinators");
        Assert.Contains("2 modtagere", coordinators.Text);

        var sent = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["ConfirmMissing"] = "true" });
        Assert.Contains("Nyhedsbrevet sendes nu til 5 modtagere.", sent.Text);
        // A second click (the page still open) does not send it again.
        var second = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["ConfirmMissing"] = "true" });
        Assert.Contains("Nyhedsbrevet er allerede sendt.", second.Text);

        var mails = await WaitForQueuedAsync(edition, 5);
        Assert.Equal(5, mails.Count);
        Assert.Equal(5, mails.Select(m => m.ToAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(mails, m => m.ToAddress.Contains("forkert", StringComparison.Ordinal));
        var recipients = await factory.WithDbAsync(db => db.NewsletterRecipients.Where(r => r.NewsletterId == edition).ToListAsync());
        Assert.Equal(7, recipients.Count);
        Assert.Equal(2, recipients.Count(r => r.Problem is not null));

        // The frozen content: contact details only of those who consented; the missing section named.
        var snapshot = await factory.WithDbAsync(db => db.Newsletters.Where(n => n.Id == edition).Select(n => n.SnapshotHtml).SingleAsync());
        Assert.Contains("aaben@eksempel.dk", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelig@eksempel.dk", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("+45 11 22 33 44", snapshot, StringComparison.Ordinal);
        Assert.Contains("Ingen statusberetning denne gang fra: Zeta.", snapshot, StringComparison.Ordinal);

        // The section can no longer change once the edition is sent.
        var closed = await tobias.GetAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}");
        Assert.Null(closed.Document.QuerySelector("main form"));
        var late = await tobias.PostRawAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}", new Dictionary<string, string>
        {
            ["Mark"] = "Ready",
            ["Focus"] = "For sent",
            ["Progress"] = "x",
            ["__RequestVerificationToken"] = closed.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        Assert.Contains("Nyhedsbrevet er sendt, så afsnittet kan ikke længere ændres.", late.Text);
        Assert.Equal("Fokus", await factory.WithDbAsync(db => db.NewsletterSections.Where(x => x.Id == section.Id).Select(x => x.Focus).SingleAsync()));

        var progress = await anne.GetAsync($"/nyhedsbreve/{edition}?handler=Progress");
        Assert.NotNull(progress.Document.QuerySelector("progress#delivery-bar"));
        Assert.Equal("5", progress.Document.QuerySelector("progress#delivery-bar")!.GetAttribute("max"));
        var deliveries = await anne.GetAsync($"/nyhedsbreve/{edition}/levering?vis=problemer");
        Assert.Contains("Forkert Mail", deliveries.Text);
        Assert.Contains("Ugyldig e-mailadresse", deliveries.Text);
    }

    private async Task<List<Samskab.Web.Infrastructure.Mail.OutboxMessage>> WaitForQueuedAsync(int edition, int count)
    {
        var prefix = $"newsletter:{edition}:person:";
        await Eventually.TrueAsync(async () => await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DedupeKey!.StartsWith(prefix))) >= count
            && await factory.WithDbAsync(db => db.Newsletters.AnyAsync(n => n.Id == edition && n.Status == EditionStatus.Sent)), $"{count} mails queued and the edition sent");
        return await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith(prefix)).ToListAsync());
    }

    [Fact]
    public async Task Archive_ReadLinkWithoutAccount_Export_PublicVersionOnlyWhenPublished_AndPreferences()
    {
        var initiative = await factory.DemoInitiativeIdAsync();
        var first = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative && n.Number == 1));
        var secondEdition = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative && n.Number == 2));

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var archive = await aisha.GetAsync($"/initiativer/{initiative}/nyhedsbreve");
        Assert.Equal(3, archive.Document.QuerySelectorAll("tbody tr").Length);
        var read = await aisha.GetAsync($"/nyhedsbreve/{first.Id}/laes");
        Assert.Contains("Kontaktliste", read.Text);
        var export = await aisha.Http.GetAsync($"/nyhedsbreve/{first.Id}/laes?handler=Export");
        Assert.Equal("text/html", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("nyhedsbrev-1.html", export.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var exported = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", exported, StringComparison.Ordinal);
        Assert.Contains("<style>", exported, StringComparison.Ordinal);

        // The link in a mail lets an actor without an account read the edition they received, and nothing else.
        var grethe = await factory.WithDbAsync(db => db.People.Where(p => p.Name == "Grethe Jakobsen").Select(p => p.Id).FirstAsync());
        var key = NewsletterText.Key(first.Id, grethe);
        var mail = await factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.DedupeKey == key));
        var link = Outbox.LinkIn(mail.TextBody, $"/nyhedsbreve/{first.Id}/laes?t=");
        using var anonymous = factory.CreateAppClient();
        var byLink = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, byLink.Status);
        Assert.Contains(first.Title, byLink.Text);
        var otherEdition = await anonymous.GetAsync(link.Replace($"/nyhedsbreve/{first.Id}/", $"/nyhedsbreve/{secondEdition.Id}/", StringComparison.Ordinal), follow: false);
        Assert.NotEqual(HttpStatusCode.OK, otherEdition.Status);
        var tampered = await anonymous.GetAsync(link[..^3] + "xyz", follow: false);
        Assert.NotEqual(HttpStatusCode.OK, tampered.Status);

        // Public version: the first demo edition is published (no contact list); the second is not.
        var published = await anonymous.GetAsync($"/nyhedsbreve/{first.Id}/offentlig");
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.DoesNotContain("Kontaktliste", published.Text);
        Assert.DoesNotContain("@demo.samskab.dk", published.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/nyhedsbreve/{secondEdition.Id}/offentlig")).Status);

        // Manage e-mail preferences from the mail: Grethe unsubscribes, and is then reported, not mailed.
        var preferences = Outbox.LinkIn(mail.TextBody, "/mailindstillinger?t=");
        var page = await anonymous.GetAsync(preferences);
        Assert.Contains("Grethe Jakobsen", page.Text);
        var saved = await anonymous.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["ReceiveNewsletters"] = "false" });
        Assert.Contains("Du får ikke flere nyhedsbreve på e-mail.", saved.Text);
        Assert.True(await factory.WithDbAsync(db => db.People.Where(p => p.Name == "Grethe Jakobsen").Select(p => p.DeclinesNewsletters).SingleAsync()));
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var draft = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative && n.Status == EditionStatus.Draft));
        var send = await anne.GetAsync($"/nyhedsbreve/{draft.Id}/send");
        Assert.Contains("Grethe Jakobsen – Har frameldt nyhedsbreve", send.Text);
        await factory.WithDbAsync(async db => await db.People.Where(p => p.Name == "Grethe Jakobsen").ExecuteUpdateAsync(s => s.SetProperty(p => p.DeclinesNewsletters, false)));
    }

    [Fact]
    public async Task DemoEditionInProgress_ShowsWhoDelivered_AndTheApiGivesSectionsAndDeliveryCounts()
    {
        var initiative = await factory.DemoInitiativeIdAsync();
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var draft = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative && n.Status == EditionStatus.Draft));
        var page = await anne.GetAsync($"/nyhedsbreve/{draft.Id}");
        Assert.Contains("2 af 4 platforme har et afsnit klar.", page.Text);
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=Remind']"));
        Assert.Contains("Beslutninger:", page.Document.QuerySelector("#MinutesSummary")!.TextContent);
        var dashboard = await anne.GetAsync($"/initiativer/{initiative}/dashboard");
        Assert.Contains("Nyhedsbrev nr. 3 – efteråret: 2 platforme mangler deres afsnit.", dashboard.Text);

        var list = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{initiative}/newsletters");
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal("Draft", list[0].GetProperty("status").GetString());
        var sentId = list[2].GetProperty("id").GetInt32();
        var detail = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/newsletters/{sentId}");
        Assert.Equal(6, detail.GetProperty("sections").GetArrayLength());
        var delivery = detail.GetProperty("delivery");
        Assert.True(delivery.GetProperty("sent").GetInt32() > 20);
        Assert.Equal(delivery.GetProperty("recipients").GetInt32() - delivery.GetProperty("unreachable").GetInt32(), delivery.GetProperty("sent").GetInt32());
        var draftDetail = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/newsletters/{draft.Id}");
        Assert.Equal(JsonValueKind.Null, draftDetail.GetProperty("delivery").ValueKind);
        Assert.Contains(draftDetail.GetProperty("sections").EnumerateArray(), s => s.GetProperty("status").GetString() == "NotStarted");

        using var anonymous = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync($"/api/v1/newsletters/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task AfterAStatusMeeting_TheAnchorOpensTheEditionFromTheMeeting_WithTheMinutesAsADraft_AndCoordinatorsSeeItOnTheirStartPage()
    {
        var (initiative, platforms) = await factory.InitiativeWithPlatformsAsync("Nyhed 5", "Eta");
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var starts = DateTimeOffset.UtcNow.AddDays(-3);
            var meeting = new Samskab.Web.Features.Meetings.Meeting
            {
                InitiativeId = initiative,
                Type = Samskab.Web.Features.Meetings.MeetingType.StatusMeeting,
                Title = "Fælles statusmøde",
                StartsAt = starts,
                EndsAt = starts.AddHours(2),
                CalendarUid = Guid.NewGuid().ToString(),
                CreatedAt = starts.AddDays(-30),
            };
            meeting.Agenda.Add(new Samskab.Web.Features.Meetings.AgendaItem { Order = 1, Title = "Runden", Minutes = "Alle platforme fortalte." });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.Decisions.Add(new Samskab.Web.Features.Meetings.Decision { MeetingId = meeting.Id, Text = "Vi mødes igen til foråret.", CreatedAt = starts });
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var dashboard = await anne.GetAsync($"/initiativer/{initiative}/dashboard");
        Assert.Contains("Der er ikke lavet et nyhedsbrev efter Fælles statusmøde", dashboard.Text);
        Assert.NotNull(dashboard.Document.QuerySelector($"a[href='/moeder/{meetingId}']"));
        var meetingPage = await anne.GetAsync($"/moeder/{meetingId}");
        var opened = await anne.SubmitAsync(meetingPage.Document, "form[action$='/nyhedsbreve']");
        Assert.Contains("Nyhedsbrevet er åbnet.", opened.Text);
        var edition = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative));
        Assert.Equal(meetingId, edition.MeetingId);
        Assert.Contains("**Runden**: Alle platforme fortalte.", edition.MinutesSummary, StringComparison.Ordinal);
        Assert.Contains("- Vi mødes igen til foråret.", edition.MinutesSummary, StringComparison.Ordinal);
        var again = await anne.GetAsync($"/moeder/{meetingId}");
        Assert.NotNull(again.Document.QuerySelector($"a[href='/nyhedsbreve/{edition.Id}']"));

        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var start = await tobias.GetAsync("/start");
        var section = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(x => x.NewsletterId == edition.Id && x.PlatformId == platforms[0]));
        Assert.NotNull(start.Document.QuerySelector($"a[href='/nyhedsbreve/{edition.Id}/afsnit/{section.Id}']"));
        Assert.Contains($"Eta mangler sit afsnit til {edition.Title}.", start.Text);
    }

    [Fact]
    public async Task TwoMembersSavingTheSameSection_TheSecondIsToldAndKeepsTheirText()
    {
        var (_, _, edition) = await OpenEditionAsync("Nyhed 6", "Theta");
        var section = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(s => s.NewsletterId == edition));
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var tobiasPage = await tobias.GetAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}");
        var aishaPage = await aisha.GetAsync($"/nyhedsbreve/{edition}/afsnit/{section.Id}");
        await tobias.SubmitAsync(tobiasPage.Document, "main form", new Dictionary<string, string> { ["Focus"] = "Tobias' fokus", ["Progress"] = "Tobias' fremdrift" }, submitName: "Mark=Ready");
        var conflict = await aisha.SubmitAsync(aishaPage.Document, "main form", new Dictionary<string, string> { ["Focus"] = "Aishas fokus", ["Progress"] = "Aishas fremdrift" }, submitName: "Mark=Draft");
        Assert.Contains("En anden fra platformen har gemt afsnittet, mens du skrev.", conflict.Text);
        Assert.Equal("Aishas fokus", conflict.Document.QuerySelector("#Focus")!.TextContent.Trim());
        var saved = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(s => s.Id == section.Id));
        Assert.Equal("Tobias' fokus", saved.Focus);
        Assert.Equal(SectionStatus.Ready, saved.Status);
    }

    [Fact]
    public async Task FailedMails_AnchorCorrectsTheAddressAndSendsAgain_TheSameRowIsRetried_NoSecondMail()
    {
        var (_, _, edition) = await OpenEditionAsync("Nyhed 7", "Iota");
        var section = await factory.WithDbAsync(db => db.NewsletterSections.SingleAsync(s => s.NewsletterId == edition));
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        await WriteSectionAsync(tobias, edition, section.Id, "Ready", new() { ["Focus"] = "Fokus", ["Progress"] = "Fremdrift" });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var send = await anne.GetAsync($"/nyhedsbreve/{edition}/send");
        await anne.SubmitAsync(send.Document, "main form[method='post']");
        var mails = await WaitForQueuedAsync(edition, 3);
        Assert.Equal(3, mails.Count);

        // The server refused Aisha's mail for good (as with a mistyped address); the anchor person corrects it.
        var aishaKey = mails.Single(m => m.ToAddress == "aktoer@demo.samskab.dk").DedupeKey!;
        await factory.WithDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.DedupeKey == aishaKey).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, Samskab.Web.Infrastructure.Mail.OutboxStatus.Failed).SetProperty(m => m.LastError, "550 Mailbox unavailable").SetProperty(m => m.Problem, Samskab.Web.Infrastructure.Mail.MailProblem.AddressRefused).SetProperty(m => m.Attempts, 1));
            await db.People.Where(p => p.Email == "aktoer@demo.samskab.dk").ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "aisha.ny@eksempel.dk"));
        });
        try
        {
            var deliveries = await anne.GetAsync($"/nyhedsbreve/{edition}/levering?vis=problemer");
            Assert.Contains("Modtagerens mailserver afviste adressen.", deliveries.Text);
            Assert.DoesNotContain("550 Mailbox unavailable", deliveries.Text);
            var retried = await anne.SubmitAsync(deliveries.Document, "form[action*='handler=Retry']");
            Assert.Contains("1 mails sendes igen.", retried.Text);
            var after = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith($"newsletter:{edition}:person:")).ToListAsync());
            Assert.Equal(3, after.Count);
            var row = after.Single(m => m.DedupeKey == aishaKey);
            Assert.Equal(Samskab.Web.Infrastructure.Mail.OutboxStatus.Pending, row.Status);
            Assert.Equal("aisha.ny@eksempel.dk", row.ToAddress);
            Assert.Equal(0, row.Attempts);
        }
        finally
        {
            await factory.WithDbAsync(db => db.People.Where(p => p.Email == "aisha.ny@eksempel.dk").ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "aktoer@demo.samskab.dk")));
        }
    }
}
