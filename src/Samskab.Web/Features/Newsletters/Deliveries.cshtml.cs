using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>Delivery per recipient: sent, waiting, being retried (with the server's answer), failed, or not possible.</summary>
public class DeliveriesModel(AppDbContext db, IAuthorizationService auth, NewsletterDesk desk, OutboxSignal signal, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Name, string? Address, string? Problem, OutboxStatus? Status, int Attempts, DateTimeOffset? SentAt, MailProblem MailProblem, DateTimeOffset? NextAttemptAt);

    public Newsletter Edition { get; private set; } = null!;
    public NewsletterDesk.Progress Delivery { get; private set; } = null!;
    public Page<Row> Rows { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "vis")] public string? Show { get; set; }

    /// <summary>
    /// Sends the failed mails again, to each person's current address (the anchor person may have corrected it), still
    /// one mail per recipient: the same outbox rows are retried, no new ones are made.
    /// </summary>
    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken: ct);
        if (edition is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ComposeNewsletter)) return this.Refuse();
        var failed = await db.NewsletterRecipients.Where(r => r.NewsletterId == id)
            .Join(db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed), r => r.DedupeKey, m => m.DedupeKey, (r, m) => new { Recipient = r, Message = m })
            .Join(db.People, x => x.Recipient.PersonId, p => p.Id, (x, p) => new { x.Recipient, x.Message, p.Email })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var retried = 0;
        foreach (var f in failed.Where(f => NewsletterDesk.ProblemWith(f.Email, false) is null))
        {
            f.Recipient.Address = f.Email!.Trim();
            f.Message.ToAddress = f.Email.Trim();
            f.Message.Status = OutboxStatus.Pending;
            f.Message.Attempts = 0;
            f.Message.NextAttemptAt = now;
            f.Message.LastError = null;
            f.Message.Problem = MailProblem.None;
            retried++;
        }
        await db.SaveChangesAsync(ct);
        signal.Pulse();
        TempData["Success"] = retried == failed.Count
            ? l["{0} mails sendes igen.", retried].Value
            : l["{0} mails sendes igen. {1} har stadig ingen gyldig e-mailadresse – ret den under Aktører og prøv igen.", retried, failed.Count - retried].Value;
        return Redirect($"/nyhedsbreve/{id}/levering");
    }

    public async Task<IActionResult> OnGetAsync(int id, int? side)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
        if (edition is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ComposeNewsletter)) return this.Refuse();
        Edition = edition;
        Delivery = await desk.ProgressAsync(id);
        var q = db.NewsletterRecipients.AsNoTracking().Where(r => r.NewsletterId == id)
            .GroupJoin(db.OutboxMessages, r => r.DedupeKey, m => m.DedupeKey, (r, ms) => new { r, ms })
            .SelectMany(x => x.ms.DefaultIfEmpty(), (x, m) => new { x.r, m });
        q = Show switch
        {
            "problemer" => q.Where(x => x.r.Problem != null || (x.m != null && (x.m.Status == OutboxStatus.Failed || x.m.LastError != null && x.m.Status != OutboxStatus.Sent))),
            "venter" => q.Where(x => x.r.Problem == null && (x.m == null || x.m.Status == OutboxStatus.Pending || x.m.Status == OutboxStatus.Sending)),
            _ => q,
        };
        Rows = await q.OrderBy(x => x.r.Name).ThenBy(x => x.r.Id)
            .Select(x => new Row(x.r.Name, x.r.Address, x.r.Problem, x.m == null ? null : x.m.Status, x.m == null ? 0 : x.m.Attempts, x.m == null ? null : x.m.SentAt, x.m == null ? MailProblem.None : x.m.Problem, x.m == null ? null : x.m.NextAttemptAt))
            .ToPageAsync(side);
        return Page();
    }
}
