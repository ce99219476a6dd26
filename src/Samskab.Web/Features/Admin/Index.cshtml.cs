using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Features.Admin;

public class IndexModel(AppDbContext db, IOptions<MailSettings> mail) : PageModel
{
    public int UserCount { get; private set; }
    public int Pending { get; private set; }
    public int Failed { get; private set; }
    public bool SmtpConfigured => mail.Value.IsConfigured;
    public string? PickupDirectory => mail.Value.IsConfigured ? null : mail.Value.PickupDirectory;

    public async Task OnGetAsync(CancellationToken ct)
    {
        UserCount = await db.Users.CountAsync(ct);
        Pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending, ct);
        Failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, ct);
    }
}
