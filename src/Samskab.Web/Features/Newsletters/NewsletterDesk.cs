using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// The newsletter's work: opening an edition, choosing recipients, starting the sending (content frozen, recipients
/// fixed, in one transaction), and queuing the personal mails in batches in the background.
/// </summary>
public sealed class NewsletterDesk(AppDbContext db, NewsletterCompiler compiler, MailOutbox outbox, TimeProvider clock, IDataProtectionProvider protection, LinkBuilder links)
{
    public sealed record Recipient(int PersonId, string Name, string? Address, string? Problem);

    public sealed record Progress(int Total, int Unreachable, int Queued, int Sent, int Failed, int Retrying)
    {
        public int Deliverable => Total - Unreachable;
        public int Waiting => Deliverable - Sent - Failed;
        public bool Done => Deliverable == Sent + Failed;
    }

    private const int BatchSize = 200;

    public IDataProtector ReadLinks => protection.CreateProtector("Samskab.Newsletters.Read.v1");

    public IDataProtector PreferenceLinks => protection.CreateProtector("Samskab.MailPreferences.v1");

    /// <summary>Opens the next edition of an initiative, with a section for each active platform.</summary>
    public async Task<Newsletter> OpenAsync(int initiativeId, int? meetingId, string? title, ClaimsPrincipal by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var number = (await db.Newsletters.Where(n => n.InitiativeId == initiativeId).MaxAsync(n => (int?)n.Number, ct) ?? 0) + 1;
        var previous = await db.Newsletters.Where(n => n.InitiativeId == initiativeId && n.SendStartedAt != null)
            .OrderByDescending(n => n.SendStartedAt).Select(n => n.SendStartedAt).FirstOrDefaultAsync(ct);
        var meeting = meetingId is int mid ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mid && m.InitiativeId == initiativeId, ct) : null;
        var edition = new Newsletter
        {
            InitiativeId = initiativeId,
            MeetingId = meeting?.Id,
            Number = number,
            Title = string.IsNullOrWhiteSpace(title) ? DefaultTitle(number, meeting?.StartsAt ?? now) : title.Trim(),
            CreatedAt = now,
            CreatedByName = by.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? by.Identity?.Name ?? "",
            CoversFrom = previous,
            MinutesSummary = meeting is null ? null : await MinutesDraftAsync(meeting.Id, ct),
        };
        var platforms = await db.Platforms.Where(p => p.InitiativeId == initiativeId && p.Status == PlatformStatus.Active)
            .OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
        edition.Sections.AddRange(platforms.Select((p, i) => new NewsletterSection { PlatformId = p, Position = i + 1 }));
        db.Newsletters.Add(edition);
        db.Append(by, now, initiativeId, null, TimelineEvents.Event("newsletter.opened", "newsletter.opened", number.ToString(System.Globalization.CultureInfo.InvariantCulture), edition.Title));
        await db.SaveChangesAsync(ct);
        return edition;
    }

    public static string DefaultTitle(int number, DateTimeOffset at) =>
        $"Nyhedsbrev nr. {number} – {at.ToDanish().ToString("MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"))}";

    /// <summary>The meeting's decisions and minutes, as a first draft of the minutes summary the anchor person edits.</summary>
    private async Task<string?> MinutesDraftAsync(int meetingId, CancellationToken ct)
    {
        var items = await db.AgendaItems.Where(a => a.MeetingId == meetingId && a.Minutes != null).OrderBy(a => a.Order)
            .Select(a => new { a.Title, a.Minutes }).ToListAsync(ct);
        var decisions = await db.Decisions.Where(d => d.MeetingId == meetingId).OrderBy(d => d.Id).Select(d => d.Text).ToListAsync(ct);
        var lines = items.Select(i => $"**{i.Title}**: {i.Minutes}").ToList();
        if (decisions.Count > 0)
        {
            lines.Add("");
            lines.Add("Beslutninger:");
            lines.AddRange(decisions.Select(d => "- " + d));
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>Who would get the edition for an audience, with the reason for anybody who cannot.</summary>
    public async Task<List<Recipient>> RecipientsAsync(int initiativeId, Audience audience, IReadOnlyCollection<int> platformIds, CancellationToken ct = default)
    {
        IQueryable<Actors.Person> people = audience switch
        {
            Audience.Platforms => db.PlatformMembers.Where(m => platformIds.Contains(m.PlatformId) && m.LeftOn == null && m.Platform!.InitiativeId == initiativeId).Select(m => m.Person!),
            Audience.Coordinators => db.PlatformMembers.Where(m => m.IsCoordinator && m.LeftOn == null && m.Platform!.InitiativeId == initiativeId && m.Platform.Status == PlatformStatus.Active).Select(m => m.Person!)
                .Union(db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && m.Role == InitiativeRole.AnchorPerson).Select(m => m.Person!)),
            _ => db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && m.Role != InitiativeRole.Observer).Select(m => m.Person!),
        };
        var rows = await people.Select(p => new { p.Id, p.Name, p.Email, p.DeclinesNewsletters }).ToListAsync(ct);
        var danish = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true);
        return rows.DistinctBy(r => r.Id).OrderBy(r => r.Name, danish).Select(r => new Recipient(r.Id, r.Name, r.Email?.Trim(), ProblemWith(r.Email, r.DeclinesNewsletters))).ToList();
    }

    public static string? ProblemWith(string? email, bool declines)
    {
        if (declines)
        {
            return "Har frameldt nyhedsbreve";
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            return "Ingen e-mailadresse";
        }
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && !trimmed.Contains(' ', StringComparison.Ordinal) && MailboxAddress.TryParse(trimmed, out _)
            ? null
            : "Ugyldig e-mailadresse";
    }

    /// <summary>
    /// Starts sending: freezes the content, fixes the recipients and marks the edition as sending, all in one
    /// transaction guarded by the edition's version, so a double click or a second anchor person starts it once.
    /// Returns false when the edition was no longer a draft.
    /// </summary>
    public async Task<bool> StartSendingAsync(int newsletterId, Audience audience, IReadOnlyCollection<int> platformIds, ClaimsPrincipal by, CancellationToken ct = default)
    {
        var edition = await db.Newsletters.SingleAsync(n => n.Id == newsletterId, ct);
        if (edition.Status != EditionStatus.Draft)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var compiled = await compiler.CompileAsync(newsletterId, ct);
        compiled = compiled with { Date = now, To = now };
        var html = NewsletterRenderer.Html(compiled, includeContacts: true);
        var text = NewsletterRenderer.Text(compiled, includeContacts: true);
        // The shared body is saved first: if the start below loses a race, it is an unused row, never a mail without content.
        var shared = new OutboxSharedBody { CreatedAt = now, Html = html, Text = text };
        db.OutboxSharedBodies.Add(shared);
        await db.SaveChangesAsync(ct);
        edition.SnapshotHtml = html;
        edition.SnapshotText = text;
        edition.PublicHtml = NewsletterRenderer.Html(compiled, includeContacts: false);
        edition.Status = EditionStatus.Sending;
        edition.SendStartedAt = now;
        edition.SendStartedByName = by.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? by.Identity?.Name ?? "";
        edition.Audience = audience;
        edition.LinkBase = links.BaseUrl;
        edition.SharedBodyId = shared.Id;
        edition.Version++;
        foreach (var r in await RecipientsAsync(edition.InitiativeId, audience, platformIds, ct))
        {
            db.NewsletterRecipients.Add(new NewsletterRecipient
            {
                NewsletterId = edition.Id,
                PersonId = r.PersonId,
                Name = r.Name,
                Address = r.Address,
                Problem = r.Problem,
                DedupeKey = NewsletterText.Key(edition.Id, r.PersonId),
            });
        }
        db.Append(by, now, edition.InitiativeId, null, TimelineEvents.Event("newsletter.sent", "newsletter.sent", edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), edition.Title));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else started it a moment before us.
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }

    /// <summary>
    /// Queues the next batch of personal mails of every edition that is being sent. Idempotent: a recipient's mail has
    /// a unique key in the outbox, so a crash between the two steps or two instances doing this at once never gives
    /// anyone two mails. Returns how many recipients were handled.
    /// </summary>
    public async Task<int> QueueNextBatchAsync(CancellationToken ct = default)
    {
        var sending = await db.Newsletters.Where(n => n.Status == EditionStatus.Sending).Select(n => n.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in sending)
        {
            queued += await QueueBatchAsync(id, ct);
        }
        return queued;
    }

    private async Task<int> QueueBatchAsync(int newsletterId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var edition = await db.Newsletters.AsNoTracking().SingleAsync(n => n.Id == newsletterId, ct);
        var initiative = await db.Initiatives.Where(i => i.Id == edition.InitiativeId).Select(i => i.Title).SingleAsync(ct);
        var batch = await db.NewsletterRecipients
            .Where(r => r.NewsletterId == newsletterId && r.QueuedAt == null && r.Problem == null)
            .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0)
        {
            await db.Newsletters.Where(n => n.Id == newsletterId && n.Status == EditionStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, EditionStatus.Sent).SetProperty(n => n.QueuedAt, clock.GetUtcNow()), ct);
            return 0;
        }
        var keys = batch.Select(r => r.DedupeKey).ToList();
        var existing = (await db.OutboxMessages.Where(m => keys.Contains(m.DedupeKey!)).Select(m => m.DedupeKey!).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var r in batch)
        {
            r.QueuedAt = now;
            if (existing.Contains(r.DedupeKey))
            {
                continue;
            }
            var (text, html) = PersonalMail(edition, initiative, r.PersonId, r.Name);
            var message = outbox.Enqueue(new OutgoingMail(r.Address!, r.Name, $"{edition.Title} – {initiative}", text, html, "Newsletter", r.DedupeKey));
            message.SharedBodyId = edition.SharedBodyId;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance queued some of these a moment ago; the next round sees their keys and skips them.
            db.ChangeTracker.Clear();
            return 0;
        }
        return batch.Count;
    }

    /// <summary>The personal part of a newsletter mail around the shared content (greeting, links to read online and
    /// to manage e-mail preferences).</summary>
    public (string Text, string Html) PersonalMail(Newsletter edition, string initiative, int personId, string name)
    {
        var root = edition.LinkBase ?? links.BaseUrl;
        var read = $"{root}/nyhedsbreve/{edition.Id}/laes?t={ReadLinks.Protect($"{personId}:{edition.Id}")}";
        var preferences = $"{root}/mailindstillinger?t={PreferenceLinks.Protect(personId.ToString(CultureInfo.InvariantCulture))}";
        var footer = NewsletterRenderer.Footer(initiative, read, preferences);
        var greeting = $"Kære {name}";
        var html = NewsletterRenderer.Document(edition.Title, OutboxMessage.SharedHtmlPlaceholder, greeting, footer.Html);
        var text = $"{greeting}\n\n{OutboxMessage.SharedTextPlaceholder}\n\n-- \n{footer.Text}";
        return (text, html);
    }

    /// <summary>Reads a link's token back to the person (and edition) it was made for; null when it was tampered with.</summary>
    public (int PersonId, int NewsletterId)? ReadToken(string? token)
    {
        try
        {
            var parts = ReadLinks.Unprotect(token ?? "").Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var p) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? (p, n) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public int? PreferenceToken(string? token)
    {
        try
        {
            return int.TryParse(PreferenceLinks.Unprotect(token ?? ""), CultureInfo.InvariantCulture, out var p) ? p : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task<Progress> ProgressAsync(int newsletterId, CancellationToken ct = default)
    {
        var recipients = await db.NewsletterRecipients.Where(r => r.NewsletterId == newsletterId)
            .GroupBy(r => new { Unreachable = r.Problem != null, Queued = r.QueuedAt != null })
            .Select(g => new { g.Key.Unreachable, g.Key.Queued, Count = g.Count() }).ToListAsync(ct);
        var mails = await db.NewsletterRecipients.Where(r => r.NewsletterId == newsletterId && r.Problem == null)
            .Join(db.OutboxMessages, r => r.DedupeKey, m => m.DedupeKey, (r, m) => new { m.Status, m.Attempts })
            .GroupBy(m => new { m.Status, Retried = m.Attempts > 0 })
            .Select(g => new { g.Key.Status, g.Key.Retried, Count = g.Count() }).ToListAsync(ct);
        return new Progress(
            recipients.Sum(r => r.Count),
            recipients.Where(r => r.Unreachable).Sum(r => r.Count),
            recipients.Where(r => !r.Unreachable && r.Queued).Sum(r => r.Count),
            mails.Where(m => m.Status == OutboxStatus.Sent).Sum(m => m.Count),
            mails.Where(m => m.Status == OutboxStatus.Failed).Sum(m => m.Count),
            // Tried and refused (or cut off), waiting for the next attempt.
            mails.Where(m => m.Status == OutboxStatus.Pending && m.Retried).Sum(m => m.Count));
    }

    /// <summary>Reminds the platforms that have not delivered a ready section, at most once a day per person.</summary>
    public async Task<int> RemindAsync(int newsletterId, CancellationToken ct = default)
    {
        var edition = await db.Newsletters.AsNoTracking().Include(n => n.Sections).SingleAsync(n => n.Id == newsletterId, ct);
        var open = edition.Sections.Where(s => s.Status != SectionStatus.Ready).ToDictionary(s => s.PlatformId, s => s.Id);
        var platformIds = open.Keys.ToList();
        var members = await db.PlatformMembers
            .Where(m => platformIds.Contains(m.PlatformId) && m.LeftOn == null && m.Person!.Email != null)
            .Select(m => new { m.PlatformId, Platform = m.Platform!.Name, m.IsCoordinator, m.PersonId, m.Person!.Name, m.Person.Email }).ToListAsync(ct);
        var day = clock.GetUtcNow().ToDanish().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var queued = 0;
        // The coordinators are asked; a platform without a coordinator asks all its members.
        foreach (var group in members.GroupBy(m => m.PlatformId))
        {
            var to = group.Any(m => m.IsCoordinator) ? group.Where(m => m.IsCoordinator) : group;
            foreach (var m in to)
            {
                if (ProblemWith(m.Email, false) is not null)
                {
                    continue;
                }
                var key = $"newsletter:{newsletterId}:section:{open[m.PlatformId]}:person:{m.PersonId}:reminder:{day}";
                if (await outbox.ExistsAsync(key, ct))
                {
                    continue;
                }
                var (text, html) = MailTemplates.ActionMail($"Hej {m.Name}",
                    [$"Nyhedsbrevet \"{edition.Title}\" mangler stadig afsnittet fra {m.Platform}.", "Skriv kort om jeres fokus, fremdriften siden sidst, hvad der har været svært, og hvad der sker nu – og markér afsnittet som klar."],
                    "Skriv platformens afsnit", links.Absolute($"/nyhedsbreve/{newsletterId}/afsnit/{open[m.PlatformId]}"), "Samskab – samskabelse i den offentlige sektor");
                outbox.Enqueue(new OutgoingMail(m.Email!, m.Name, $"Påmindelse: afsnit til nyhedsbrevet fra {m.Platform}", text, html, "NewsletterReminder", key));
                queued++;
            }
        }
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        return queued;
    }
}
