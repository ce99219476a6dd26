using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox. Each message is claimed with a compare-and-set update before it is sent, so two instances
/// never send the same row. A row stays "Sending" under a lease while it is on the wire; if the instance dies, the
/// lease runs out and the row is tried again. The only window for a duplicate is between the server's "250 OK" and
/// the update that records it (milliseconds); see docs/adr/0003-mail-outbox.md.
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailSettings> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private readonly string _owner = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends everything that is due over <see cref="MailSettings.Connections"/> connections at once (each
    /// claims its own rows, as another instance would). Returns how many messages were sent.</summary>
    public async Task<int> DeliverDueInParallelAsync(CancellationToken ct)
    {
        var connections = Math.Clamp(options.Value.Connections, 1, 32);
        if (connections == 1)
        {
            return await DeliverDueAsync(ct);
        }
        var sent = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => DeliverDueAsync(ct)));
        return sent.Sum();
    }

    /// <summary>Sends everything that is due over one connection. Returns how many messages were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        if (!transport.IsConfigured)
        {
            return 0;
        }
        var settings = options.Value;
        var sent = 0;
        IMailSession? session = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var message = await ClaimNextAsync(db, ct);
                if (message is null)
                {
                    break;
                }
                if (!MailboxAddress.TryParse(message.ToAddress, out var recipient) || !message.ToAddress.Contains('@', StringComparison.Ordinal))
                {
                    await FinishAsync(db, message.Id, OutboxStatus.Failed, "Ugyldig e-mailadresse", null, ct);
                    continue;
                }
                try
                {
                    session ??= await transport.OpenAsync(ct);
                    var shared = message.SharedBodyId is long sharedId ? await SharedBodyAsync(db, sharedId, ct) : null;
                    // Once on the wire, a message is finished even when the host is stopping: cancelling between the
                    // server's "250 OK" and recording it is what would make a duplicate after a restart.
                    await session.SendAsync(ToMime(message, recipient, settings, shared), CancellationToken.None);
                    await FinishAsync(db, message.Id, OutboxStatus.Sent, null, null, CancellationToken.None);
                    sent++;
                    Operations.OperationsSetup.MailsSent.Add(1);
                    if (settings.SendDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(settings.SendDelay, clock, ct);
                    }
                }
                catch (PermanentMailException e)
                {
                    Operations.OperationsSetup.MailsFailed.Add(1);
                    logger.LogWarning("Mail {OutboxId} to {Recipient} was refused permanently: {Reason}", message.Id, message.ToAddress, e.Message);
                    await FinishAsync(db, message.Id, OutboxStatus.Failed, e.Message, null, CancellationToken.None, MailProblem.AddressRefused);
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException
                    or ServiceNotConnectedException or AuthenticationException or SslHandshakeException or TimeoutException
                    or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    Operations.OperationsSetup.MailsFailed.Add(1);
                    var attempts = message.Attempts;
                    var giveUp = attempts >= settings.MaxAttempts;
                    var retryAt = clock.GetUtcNow() + Backoff(attempts);
                    logger.LogWarning(e, "Mail {OutboxId} attempt {Attempt} failed; {Next}", message.Id, attempts, giveUp ? "giving up" : $"retrying at {retryAt:O}");
                    var problem = e switch
                    {
                        SmtpCommandException => MailProblem.ServerDeferred,
                        AuthenticationException or SslHandshakeException => MailProblem.ServerSetup,
                        _ => MailProblem.ServerUnreachable,
                    };
                    await FinishAsync(db, message.Id, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending, Truncate(e.Message), retryAt, CancellationToken.None, problem);
                    // The connection is suspect after a failure: open a new one for the next message.
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }
                    if (e is not SmtpCommandException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
        return sent;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, OutboxSharedBody> _shared = [];

    private async Task<OutboxSharedBody?> SharedBodyAsync(AppDbContext db, long id, CancellationToken ct)
    {
        if (_shared.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var body = await db.OutboxSharedBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is not null)
        {
            if (_shared.Count > 20)
            {
                _shared.Clear();
            }
            _shared[id] = body;
        }
        return body;
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<OutboxMessage?> ClaimNextAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        for (var round = 0; round < 5; round++)
        {
            var candidates = await db.OutboxMessages
                .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(5)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return null;
            }
            foreach (var id in candidates)
            {
                var claimed = await db.OutboxMessages
                    .Where(m => m.Id == id && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now)))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Status, OutboxStatus.Sending)
                        .SetProperty(m => m.LeaseOwner, _owner)
                        .SetProperty(m => m.LeaseUntil, leaseUntil)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                if (claimed == 1)
                {
                    return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id, ct);
                }
            }
        }
        return null;
    }

    private async Task FinishAsync(AppDbContext db, long id, OutboxStatus status, string? error, DateTimeOffset? retryAt, CancellationToken ct, MailProblem problem = MailProblem.None)
    {
        var now = clock.GetUtcNow();
        await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.Problem, problem)
                .SetProperty(m => m.SentAt, status == OutboxStatus.Sent ? now : null)
                .SetProperty(m => m.NextAttemptAt, m => retryAt ?? m.NextAttemptAt), ct);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    internal static MimeMessage ToMime(OutboxMessage message, MailboxAddress recipient, MailSettings settings, OutboxSharedBody? shared = null)
    {
        if (!string.IsNullOrEmpty(message.ToName))
        {
            recipient.Name = message.ToName;
        }
        var mime = new MimeMessage
        {
            MessageId = message.MessageIdHeader,
            Subject = message.Subject,
            Date = message.CreatedAt,
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(recipient);
        var (text, html) = message.Compose(shared);
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

public sealed class OutboxDispatcher(OutboxDelivery delivery, OutboxSignal signal, IOptions<MailSettings> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Delivers)
        {
            logger.LogInformation("No SMTP server configured: mail stays in the outbox (see the sent-mail page).");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverDueInParallelAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(e, "The mail dispatcher could not read the outbox; trying again shortly.");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
