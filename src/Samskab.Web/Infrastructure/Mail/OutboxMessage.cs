namespace Samskab.Web.Infrastructure.Mail;

public enum OutboxStatus
{
    Pending = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
}

/// <summary>What went wrong with a mail, in words a person can act on; the server's own text stays in the log.</summary>
public enum MailProblem
{
    None = 0,

    /// <summary>The receiving server refused the address for good (5xx, or an address that is not one).</summary>
    AddressRefused = 1,

    /// <summary>The server asked us to come back later (4xx).</summary>
    ServerDeferred = 2,

    /// <summary>No answer: the server is down, unreachable or cut the connection.</summary>
    ServerUnreachable = 3,

    /// <summary>The server refused Samskab itself: sign-in or encryption is set up wrong.</summary>
    ServerSetup = 4,
}

/// <summary>
/// One e-mail to one recipient. Every outgoing mail is written here in the same transaction as the change that
/// caused it, and the dispatcher delivers it.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>What kind of mail this is (sign-in link, invitation, …), for the sent-mail page.</summary>
    public required string Category { get; set; }

    /// <summary>
    /// Set by callers that must not enqueue the same mail twice (a double click, two instances); unique.
    /// </summary>
    public string? DedupeKey { get; set; }

    /// <summary>The RFC 5322 Message-ID, fixed when enqueued so a retried delivery carries the same id.</summary>
    public required string MessageIdHeader { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The kind of <see cref="LastError"/>, for the explanation people see.</summary>
    public MailProblem Problem { get; set; }
    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>
    /// Content shared by many mails (a newsletter to 2,000 actors), stored once. At delivery the placeholders in
    /// <see cref="HtmlBody"/> and <see cref="TextBody"/> are replaced by it.
    /// </summary>
    public long? SharedBodyId { get; set; }

    public const string SharedHtmlPlaceholder = "<!--samskab:shared-body-->";
    public const string SharedTextPlaceholder = "[[samskab:shared-body]]";

    /// <summary>The bodies as the recipient gets them.</summary>
    public (string Text, string? Html) Compose(OutboxSharedBody? shared) => Compose(TextBody, HtmlBody, shared);

    /// <summary>Puts shared content into a personal text and HTML body (also for a preview that is never queued).</summary>
    public static (string Text, string? Html) Compose(string text, string? html, OutboxSharedBody? shared) => shared is null
        ? (text, html)
        : (text.Replace(SharedTextPlaceholder, shared.Text, StringComparison.Ordinal),
            html?.Replace(SharedHtmlPlaceholder, shared.Html, StringComparison.Ordinal));
}

/// <summary>The common part of a bulk mail, stored once rather than in every recipient's outbox row.</summary>
public class OutboxSharedBody
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }
}

public class OutboxAttachment
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
