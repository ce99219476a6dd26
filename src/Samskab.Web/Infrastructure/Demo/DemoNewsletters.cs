using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// The demo initiative's newsletters: two sent editions (after the spring status meeting, and a summer letter) and the
/// edition after the autumn status meeting in progress – two platforms ready, the youth platform's draft, one missing.
/// </summary>
public static class DemoNewsletters
{
    private sealed record SectionText(string Platform, string Focus, string Progress, string Challenges, string Next);

    public static async Task SeedAsync(AppDbContext db, NewsletterDesk desk, DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset Ago(int days, int hour = 10) => now.Date.AddDays(-days).AddHours(hour);
        var initiative = await db.Initiatives.SingleAsync(i => i.Title == "Tryghed i boligområdet Engen", ct);
        var platforms = await db.Platforms.Where(p => p.InitiativeId == initiative.Id).ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var statusMeetings = await db.Meetings.Where(m => m.InitiativeId == initiative.Id && m.Type == MeetingType.StatusMeeting && m.StartsAt < now)
            .OrderBy(m => m.StartsAt).ToListAsync(ct);

        var spring = new SectionText[]
        {
            new("Unge og fællesarealer", "Aktiviteter for unge om aftenen i og omkring klubben.", "- Klubben holder åbent til kl. 22 om fredagen.\n- 25 unge kommer i gennemsnit (baseline 18).", "At få pigerne med. De kommer sjældent efter kl. 19.", "Vi prøver en pigeaften om onsdagen og spørger de unge, hvad de vil."),
            new("Lys og stier", "Belysning, beplantning og udsyn på stierne.", "- Beboerne har tegnet et kort over 14 utrygge steder.\n- Kommunen har lovet at se på de fem værste.", "Det tager tid at få svar fra forvaltningen.", "Gåtur med kommunens vejfolk i maj."),
            new("Naboskab og fællesskab", "Fællesspisning og velkomst til nye beboere.", "- To fællesspisninger med 60 og 85 deltagere.", "Det er de samme, der kommer hver gang.", "Velkomstpakke til nye beboere på fem sprog."),
            new("Skole, fritid og lektiecafé", "Lektiecafé med frivillige.", "- Lektiecaféen er åben to dage om ugen med 12 frivillige.", "Vi mangler frivillige til matematik.", "Samarbejde med gymnasiet om lektiehjælpere."),
            new("Nattevandring", "Voksne på gaden fredag og lørdag aften.", "- 9 nattevandrere er uddannet.", "Det er svært at samle folk efter kl. 22.", "Vi overvejer at gå kortere ture."),
            new("Tryg trafik", "Sikre skoleveje.", "- Skolevejsanalysen er færdig.", "Vi har de samme aktører som Lys og stier.", "Tovholdermødet foreslår, at vi lægger os sammen med Lys og stier."),
        };
        var first = await SentEditionAsync(db, desk, initiative, statusMeetings.FirstOrDefault()?.Id, 1, "Nyhedsbrev nr. 1 – foråret", null, Ago(168),
            "Tak til alle, der kom til det første fælles statusmøde på Engen Skole. Her er status fra alle seks platforme – også det, der har været svært.",
            "**Oplæg**: Kriminolog fra Aarhus Universitet fortalte om tryghed og naboskab.\n\n**Runden**: Alle platforme fortalte. Nattevandring har svært ved at samle folk efter kl. 22.",
            spring, platforms, ct);
        var summer = new SectionText[]
        {
            new("Unge og fællesarealer", "Pigeaften og multibanen.", "- Pigeaftenen om onsdagen har 11 faste deltagere.\n- Boligselskabet har sat penge af til en multibane.", "Sommerferien: klubben holder lukket i tre uger.", "Sommeraktiviteter på multibanen med SSP."),
            new("Lys og stier", "Belysning og udsyn, nu også skoleveje (efter sammenlægningen med Tryg trafik).", "- 5 nye lamper er sat op på stien ved Engvej.\n- Ældre beboere går tur på stien i samlet flok.", "To af aktørerne fra Tryg trafik er faldet fra.", "Nyt kort over skolevejene."),
            new("Erhverv og tryghed", "Butikkerne og de unge: fra konflikt til fritidsjob.", "- To unge fra klubben har fået fritidsjob i Netto.", "Butikkerne har svært ved at afse tid til møder.", "Morgenmøder kl. 8 i stedet for om aftenen."),
        };
        await SentEditionAsync(db, desk, initiative, null, 2, "Nyhedsbrev nr. 2 – sommerbrev", first.SendStartedAt, Ago(80),
            "Et kort sommerbrev mellem statusmøderne: Tryg trafik er lagt sammen med Lys og stier, og Erhverv og tryghed er kommet godt i gang.",
            null, summer, platforms, ct);

        // The edition after the autumn status meeting, in progress.
        var autumnMeeting = statusMeetings.LastOrDefault();
        var open = new Newsletter
        {
            InitiativeId = initiative.Id,
            MeetingId = autumnMeeting?.Id,
            Number = 3,
            Title = "Nyhedsbrev nr. 3 – efteråret",
            CreatedAt = Ago(11),
            CreatedByName = "Anne Ankerperson",
            CoversFrom = Ago(80),
            Introduction = "Tak for et godt statusmøde i fælleshuset – og tak til Boligselskabet Engen for at lægge hus til.",
            MinutesSummary = "Skole, fritid og lektiecafé er på standby til budgetforhandlingerne. Nattevandring er lukket.\n\nBeslutninger:\n- Næste statusmøde holdes om et halvt år med Børn og Unge som vært.",
        };
        var position = 0;
        foreach (var name in new[] { "Unge og fællesarealer", "Lys og stier", "Naboskab og fællesskab", "Erhverv og tryghed" })
        {
            var section = new NewsletterSection { PlatformId = platforms[name], Position = ++position };
            switch (name)
            {
                case "Lys og stier":
                    (section.Status, section.Focus, section.Progress, section.Challenges, section.NextSteps) = (SectionStatus.Ready,
                        "Belysning, udsyn og skoleveje.", "- Kommunen har beskåret buskene ved tunnellen.\n- Kommunens trafikfolk bruger nu beboernes kort over utrygge steder.",
                        "Vi venter stadig på svar om lys i tunnellen.", "Vi inviterer vejchefen til næste møde.");
                    (section.UpdatedAt, section.UpdatedByName) = (Ago(5), "Hanne Vestergaard");
                    break;
                case "Naboskab og fællesskab":
                    (section.Status, section.Focus, section.Progress, section.Challenges, section.NextSteps) = (SectionStatus.Ready,
                        "Fællesspisning og velkomst til nye beboere.", "- Velkomstpakken er delt ud til 40 nye husstande.\n- Gårdfesten samlede 120.",
                        "Det er stadig de samme, der kommer til fællesspisning.", "Fællesspisning med mad fra beboernes hjemlande.");
                    (section.UpdatedAt, section.UpdatedByName) = (Ago(3), "Grethe Jakobsen");
                    break;
                case "Unge og fællesarealer":
                    (section.Status, section.Focus, section.Progress) = (SectionStatus.Draft,
                        "Aktiviteter for unge om aftenen i og omkring klubben og på multibanen.", "- Klubben har fået nøgle til skolens gymnastiksal om fredagen.");
                    (section.UpdatedAt, section.UpdatedByName) = (Ago(2), "Tobias Tovholder");
                    break;
            }
            open.Sections.Add(section);
        }
        db.Newsletters.Add(open);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Newsletter> SentEditionAsync(AppDbContext db, NewsletterDesk desk, Initiative initiative, int? meetingId, int number, string title,
        DateTimeOffset? coversFrom, DateTimeOffset sentAt, string introduction, string? minutes, SectionText[] sections, Dictionary<string, int> platforms, CancellationToken ct)
    {
        var edition = new Newsletter
        {
            InitiativeId = initiative.Id,
            MeetingId = meetingId,
            Number = number,
            Title = title,
            CreatedAt = sentAt.AddDays(-6),
            CreatedByName = "Anne Ankerperson",
            CoversFrom = coversFrom,
            Introduction = introduction,
            MinutesSummary = minutes,
            SendStartedAt = sentAt,
            SendStartedByName = "Anne Ankerperson",
            QueuedAt = sentAt.AddMinutes(1),
            LinkBase = "http://localhost:5080",
        };
        var position = 0;
        foreach (var s in sections)
        {
            edition.Sections.Add(new NewsletterSection
            {
                PlatformId = platforms[s.Platform],
                Position = ++position,
                Status = SectionStatus.Ready,
                Focus = s.Focus,
                Progress = s.Progress,
                Challenges = s.Challenges,
                NextSteps = s.Next,
                UpdatedAt = sentAt.AddDays(-2),
                UpdatedByName = "Tovholderen",
            });
        }
        db.Newsletters.Add(edition);
        await db.SaveChangesAsync(ct);

        var compiled = await new NewsletterCompiler(db, TimeProvider.System).CompileAsync(edition.Id, ct);
        edition.SnapshotHtml = NewsletterRenderer.Html(compiled, includeContacts: true);
        edition.SnapshotText = NewsletterRenderer.Text(compiled, includeContacts: true);
        edition.PublicHtml = NewsletterRenderer.Html(compiled, includeContacts: false);
        edition.IsPublic = number == 1;
        edition.Status = EditionStatus.Sent;
        var shared = new OutboxSharedBody { CreatedAt = sentAt, Html = edition.SnapshotHtml, Text = edition.SnapshotText };
        db.OutboxSharedBodies.Add(shared);
        await db.SaveChangesAsync(ct);
        edition.SharedBodyId = shared.Id;

        foreach (var r in await desk.RecipientsAsync(initiative.Id, Audience.Everyone, [], ct))
        {
            var key = NewsletterText.Key(edition.Id, r.PersonId);
            db.NewsletterRecipients.Add(new NewsletterRecipient { NewsletterId = edition.Id, PersonId = r.PersonId, Name = r.Name, Address = r.Address, Problem = r.Problem, DedupeKey = key, QueuedAt = r.Problem is null ? sentAt : null });
            if (r.Problem is not null)
            {
                continue;
            }
            var (text, html) = desk.PersonalMail(edition, initiative.Title, r.PersonId, r.Name);
            db.OutboxMessages.Add(new OutboxMessage
            {
                CreatedAt = sentAt,
                NextAttemptAt = sentAt,
                ToAddress = r.Address!,
                ToName = r.Name,
                Subject = $"{title} – {initiative.Title}",
                TextBody = text,
                HtmlBody = html,
                Category = "Newsletter",
                DedupeKey = key,
                MessageIdHeader = $"{Guid.NewGuid():N}@demo.samskab.dk",
                Status = OutboxStatus.Sent,
                Attempts = 1,
                SentAt = sentAt.AddSeconds(20),
                SharedBodyId = shared.Id,
            });
        }
        var sent = TimelineEvents.Event("newsletter.sent", "newsletter.sent", number.ToString(System.Globalization.CultureInfo.InvariantCulture), title);
        db.Timeline.Add(new TimelineEntry
        {
            InitiativeId = initiative.Id,
            At = sentAt,
            ByName = "Anne Ankerperson",
            Kind = sent.Kind,
            What = TimelineEvents.Danish(sent.Parts),
            Data = TimelineEvents.Serialize(sent.Parts),
        });
        await db.SaveChangesAsync(ct);
        return edition;
    }
}
