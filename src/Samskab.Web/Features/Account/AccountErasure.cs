using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Features.Account;

/// <summary>
/// Deleting an account (GDPR art. 17) anonymises the person everywhere instead of leaving their name and address
/// behind: the work they did stays (an initiative's history must still add up), credited to "a former participant",
/// and no mail reaches them again. Sessions, access tokens, calendar links and one-time links go with the account.
/// </summary>
public sealed class AccountErasure(AppDbContext db, TimeProvider clock)
{
    public const string FormerParticipant = "Tidligere deltager";
    public const string FormerParticipantInText = "en tidligere deltager";

    /// <summary>Anonymises everything of the account's persons; the caller deletes the account in the same transaction.</summary>
    public async Task AnonymiseAsync(AppUser user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var people = await db.People.Where(p => p.UserId == user.Id).Select(p => new { p.Id, p.Name, p.Email, p.Phone }).ToListAsync(ct);
        var personIds = people.Select(p => p.Id).ToList();
        // Full names only: a first name alone ("Bo") would rewrite other people's words too.
        var names = people.Select(p => p.Name).Append(user.DisplayName)
            .Where(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length >= 5 && n.Trim() != FormerParticipant).Select(n => n.Trim()).Distinct().ToList();
        var emails = people.Select(p => p.Email).Append(user.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim()).Distinct().ToList();
        var phones = people.Select(p => p.Phone).Where(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length >= 6).Select(p => p!.Trim()).Distinct().ToList();
        var recorded = names.Concat(emails).ToList();

        await db.People.Where(p => personIds.Contains(p.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Name, FormerParticipant)
            .SetProperty(p => p.Title, (string?)null)
            .SetProperty(p => p.Email, (string?)null)
            .SetProperty(p => p.Phone, (string?)null)
            .SetProperty(p => p.UserId, (string?)null)
            .SetProperty(p => p.DeclinesNewsletters, true)
            .SetProperty(p => p.AnonymisedAt, now)
            .SetProperty(p => p.Version, p => p.Version + 1), ct);
        // The stakeholder assessment was about the person; it goes with them.
        await db.InitiativeMembers.Where(m => personIds.Contains(m.PersonId)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SharesContactDetails, false)
            .SetProperty(m => m.Interest, (string?)null)
            .SetProperty(m => m.Influence, (Initiatives.Influence?)null)
            .SetProperty(m => m.Stance, (Initiatives.Stance?)null)
            .SetProperty(m => m.Necessity, (Initiatives.Necessity?)null)
            .SetProperty(m => m.PlannedInvolvement, (Initiatives.Involvement?)null), ct);
        await db.ContactConsents.Where(c => recorded.Contains(c.RecordedBy)).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedBy, FormerParticipant), ct);

        await db.Timeline.Where(t => t.ByUserId == user.Id || names.Contains(t.ByName))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ByName, FormerParticipant).SetProperty(t => t.ByUserId, (string?)null), ct);
        await db.Ripples.Where(r => r.ByUserId == user.Id || names.Contains(r.ByName))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ByName, FormerParticipant).SetProperty(r => r.ByUserId, (string?)null), ct);
        await db.Meetings.Where(m => m.CreatedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedByUserId, (string?)null), ct);
        await db.GoalMeasurements.Where(m => names.Contains(m.ByName)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ByName, FormerParticipant), ct);
        await db.GoalObservations.Where(o => names.Contains(o.ByName)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ByName, FormerParticipant), ct);
        await db.RealityChecks.Where(c => names.Contains(c.StartedByName)).ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedByName, FormerParticipant), ct);
        await db.Newsletters.Where(n => names.Contains(n.CreatedByName)).ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedByName, FormerParticipant), ct);
        await db.Newsletters.Where(n => n.SendStartedByName != null && names.Contains(n.SendStartedByName)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SendStartedByName, FormerParticipant), ct);
        await db.NewsletterSections.Where(x => x.UpdatedByName != null && names.Contains(x.UpdatedByName)).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedByName, FormerParticipant), ct);
        // In core-task processes what they wrote stays, under "a former participant"; the place in the process goes.
        await db.CoreTaskParticipants.Where(p => p.UserId == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Name, FormerParticipant).SetProperty(p => p.UserId, (string?)null).SetProperty(p => p.IsOwner, false), ct);
        await db.NewsletterRecipients.Where(r => personIds.Contains(r.PersonId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, FormerParticipant).SetProperty(r => r.Address, (string?)null), ct);

        // Mail not yet sent is stopped; mail already sent keeps only that it was sent.
        await db.OutboxMessages.Where(m => emails.Contains(m.ToAddress) && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "Modtageren har slettet sin konto."), ct);
        await db.OutboxMessages.Where(m => emails.Contains(m.ToAddress)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ToAddress, "slettet@samskab.invalid")
            .SetProperty(m => m.ToName, (string?)null)
            .SetProperty(m => m.TextBody, "")
            .SetProperty(m => m.HtmlBody, (string?)null), ct);

        // Names, addresses and phone numbers written into stored texts: history, minutes, decisions, ripples and the
        // frozen newsletters (whose contact lists were compiled before).
        foreach (var (find, replace) in names.Select(n => (n, FormerParticipantInText)).Concat(emails.Concat(phones).Select(x => (x, "–"))))
        {
            await db.Timeline.Where(t => t.What.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(t => t.What, t => t.What.Replace(find, replace)), ct);
            var (findJson, replaceJson) = (TimelineEvents.InJson(find), TimelineEvents.InJson(replace));
            await db.Timeline.Where(t => t.Data != null && t.Data.Contains(findJson)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Data, t => t.Data!.Replace(findJson, replaceJson)), ct);
            await db.Timeline.Where(t => t.Why != null && t.Why.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Why, t => t.Why!.Replace(find, replace)), ct);
            await db.Ripples.Where(r => r.What.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(r => r.What, r => r.What.Replace(find, replace)), ct);
            await db.AgendaItems.Where(a => a.Minutes != null && a.Minutes.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Minutes, a => a.Minutes!.Replace(find, replace)), ct);
            await db.Decisions.Where(d => d.Text.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Text, d => d.Text.Replace(find, replace)), ct);
            await db.Newsletters.Where(n => n.SnapshotHtml != null && n.SnapshotHtml.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SnapshotHtml, n => n.SnapshotHtml!.Replace(find, replace)), ct);
            await db.Newsletters.Where(n => n.SnapshotText != null && n.SnapshotText.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SnapshotText, n => n.SnapshotText!.Replace(find, replace)), ct);
            await db.Newsletters.Where(n => n.PublicHtml != null && n.PublicHtml.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(n => n.PublicHtml, n => n.PublicHtml!.Replace(find, replace)), ct);
            await db.OutboxSharedBodies.Where(b => b.Html.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Html, b => b.Html.Replace(find, replace)), ct);
            await db.OutboxSharedBodies.Where(b => b.Text.Contains(find)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Text, b => b.Text.Replace(find, replace)), ct);
        }
    }
}
