using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Features.Admin;

/// <summary>One mail from the outbox. The text part is shown (HTML mail is not rendered inside our pages).</summary>
public class MailMessageModel(AppDbContext db, TimeProvider clock, OutboxSignal signal, IStringLocalizer<SharedResource> l) : PageModel
{
    public OutboxMessage Mail { get; private set; } = null!;
    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var mail = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null)
        {
            return NotFound();
        }
        Mail = mail;
        var shared = mail.SharedBodyId is long sharedId ? await db.OutboxSharedBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == sharedId, ct) : null;
        Text = mail.Compose(shared).Text;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.Attempts, 0), ct);
        if (changed == 0)
        {
            return NotFound();
        }
        signal.Pulse();
        TempData["Success"] = l["Mailen er sat i kø igen."].Value;
        return RedirectToPage(new { id });
    }
}
