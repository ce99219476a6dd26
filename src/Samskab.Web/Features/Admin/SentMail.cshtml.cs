using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Admin;

public class SentMailModel(AppDbContext db, IOptions<MailSettings> mail) : PageModel
{
    public sealed record Row(long Id, DateTimeOffset CreatedAt, string To, string Subject, OutboxStatus Status, int Attempts);

    public Page<Row> Mails { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public OutboxStatus? Status { get; private set; }
    public bool SmtpConfigured => mail.Value.IsConfigured;
    public string? PickupDirectory => mail.Value.IsConfigured ? null : mail.Value.PickupDirectory;

    public static string StatusText(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Venter",
        OutboxStatus.Sending => "Sendes nu",
        OutboxStatus.Sent => "Sendt",
        _ => "Fejlet",
    };

    public async Task OnGetAsync(OutboxStatus? status, int? side, CancellationToken ct)
    {
        Status = status is not null && Enum.IsDefined(status.Value) ? status : null;
        var mails = db.OutboxMessages.AsQueryable();
        if (Status is { } s)
        {
            mails = mails.Where(m => m.Status == s);
        }
        Mails = await mails
            .OrderByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.CreatedAt, m.ToAddress, m.Subject, m.Status, m.Attempts))
            .ToPageAsync(side, ct: ct);
    }
}
