using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Mail;

public sealed class MailSettings
{
    /// <summary>SMTP host; when empty, mail stays in the outbox and can be read on the sent-mail page.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>"Auto", "None", "StartTls" or "SslOnConnect".</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@samskab.local";
    public string FromName { get; set; } = "Samskab";

    /// <summary>How often the dispatcher looks for mail when nobody has signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many SMTP connections each instance delivers over at once (each claims its own rows).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Delay between two messages, to keep a steady rate towards servers that throttle.</summary>
    public TimeSpan SendDelay { get; set; } = TimeSpan.Zero;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// Without an SMTP server: a folder (relative to the content root) where each mail is written as an .eml file, as
    /// mail servers' pickup folders do. `scripts/run.sh` sets it, so the demo delivers mail you can open.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>True when mail leaves the outbox: by SMTP, or into the pickup folder.</summary>
    public bool Delivers => IsConfigured || !string.IsNullOrWhiteSpace(PickupDirectory);
}

/// <summary>The Danish explanation of a mail problem (a resource key); the technical text is for the log.</summary>
public static class MailProblemText
{
    public static string Explain(MailProblem problem) => problem switch
    {
        MailProblem.AddressRefused => "Modtagerens mailserver afviste adressen. Tjek, at den er stavet rigtigt.",
        MailProblem.ServerDeferred => "Mailserveren bad os vente",
        MailProblem.ServerUnreachable => "Mailserveren svarer ikke",
        MailProblem.ServerSetup => "Mailserveren afviste Samskabs forbindelse – en administrator skal tjekke opsætningen.",
        _ => "Afsendelsen mislykkedes",
    };
}

/// <summary>Wakes the dispatcher in this instance as soon as new mail is committed.</summary>
public sealed class OutboxSignal : WakeUpSignal;

/// <summary>Wakes a background loop in this instance at once instead of at its next poll.</summary>
public abstract class WakeUpSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed record OutgoingMail(
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string Category,
    string? DedupeKey = null,
    IReadOnlyList<OutboxAttachment>? Attachments = null);

/// <summary>
/// Puts mail in the outbox, in the caller's unit of work: the mail is sent if, and only if, the caller's change is
/// saved.
/// </summary>
public sealed class MailOutbox(AppDbContext db, OutboxSignal signal, TimeProvider clock, IConfiguration configuration)
{
    private bool _subscribed;

    public OutboxMessage Enqueue(OutgoingMail mail)
    {
        var now = clock.GetUtcNow();
        var domain = configuration["Mail:FromAddress"]?.Split('@').LastOrDefault() ?? "samskab.local";
        var message = new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            ToAddress = mail.ToAddress.Trim(),
            ToName = mail.ToName,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Category = mail.Category,
            DedupeKey = mail.DedupeKey,
            MessageIdHeader = $"{Guid.NewGuid():N}@{domain}",
            Attachments = mail.Attachments?.ToList() ?? [],
        };
        db.OutboxMessages.Add(message);
        if (!_subscribed)
        {
            db.SavedChanges += (_, _) => signal.Pulse();
            _subscribed = true;
        }
        return message;
    }

    /// <summary>
    /// Saves the caller's unit of work, dropping queued mails whose dedupe key another request (a double click, another
    /// instance) used a moment earlier: the unique key stopped ours, and the recipient gets exactly one.
    /// </summary>
    public async Task SaveIgnoringDuplicatesAsync(CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>True when a mail with this dedupe key is already in the outbox (sent or not).</summary>
    public Task<bool> ExistsAsync(string dedupeKey, CancellationToken ct = default) =>
        db.OutboxMessages.AnyAsync(m => m.DedupeKey == dedupeKey, ct);
}
