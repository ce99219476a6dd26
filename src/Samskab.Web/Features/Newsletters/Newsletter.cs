namespace Samskab.Web.Features.Newsletters;

public enum EditionStatus
{
    Draft = 1,
    Sending = 2,
    Sent = 3,
}

public enum SectionStatus
{
    NotStarted = 1,
    Draft = 2,
    Ready = 3,
}

public enum Audience
{
    Everyone = 1,
    Platforms = 2,
    Coordinators = 3,
}

/// <summary>
/// One edition of the newsletter (seed 001, "Nyhedsbreve"): after a joint status meeting (or ad hoc) every active
/// platform writes a section, and the anchor person compiles and sends one newsletter to every actor.
/// When sending starts, the compiled content is frozen (<see cref="SnapshotHtml"/>): every recipient gets the same
/// text, and the archive shows what was sent, not what the data says today.
/// </summary>
public class Newsletter
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public int? MeetingId { get; set; }

    /// <summary>Edition number within the initiative (1, 2, …); unique, so a double click opens one edition.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Introduction { get; set; }
    public string? MinutesSummary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public EditionStatus Status { get; set; } = EditionStatus.Draft;

    /// <summary>The period the edition covers: from the previous edition's sending (or the initiative's start).</summary>
    public DateTimeOffset? CoversFrom { get; set; }
    public DateTimeOffset? SendStartedAt { get; set; }
    public string? SendStartedByName { get; set; }

    /// <summary>When every recipient's mail was in the outbox (delivery may still be going on).</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    public Audience Audience { get; set; } = Audience.Everyone;

    /// <summary>The site address when sending started, for the links in mails the background sender writes.</summary>
    public string? LinkBase { get; set; }
    public long? SharedBodyId { get; set; }
    public string? SnapshotHtml { get; set; }
    public string? SnapshotText { get; set; }
    public string? PublicHtml { get; set; }

    /// <summary>The anchor person has published the version without contact data for home organisations and the press.</summary>
    public bool IsPublic { get; set; }
    public int Version { get; set; }
    public List<NewsletterSection> Sections { get; set; } = [];
}

/// <summary>One platform's status report in an edition, written by its members (any member may help the coordinator).</summary>
public class NewsletterSection
{
    public int Id { get; set; }
    public int NewsletterId { get; set; }
    public int PlatformId { get; set; }
    public int Position { get; set; }
    public SectionStatus Status { get; set; } = SectionStatus.NotStarted;
    public string? Focus { get; set; }
    public string? Progress { get; set; }
    public string? Challenges { get; set; }
    public string? NextSteps { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One recipient of a sent edition, fixed when sending starts. The mail itself is an outbox row with
/// <see cref="DedupeKey"/>, unique, so nobody gets the edition twice. A recipient who cannot get it (no or an invalid
/// address, opted out) is kept with the <see cref="Problem"/> so the anchor person sees it.
/// </summary>
public class NewsletterRecipient
{
    public long Id { get; set; }
    public int NewsletterId { get; set; }
    public int PersonId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Problem { get; set; }
    public required string DedupeKey { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
}

public static class NewsletterText
{
    public static string Status(EditionStatus s) => s switch
    {
        EditionStatus.Draft => "Under udarbejdelse",
        EditionStatus.Sending => "Sendes",
        _ => "Sendt",
    };

    public static string Section(SectionStatus s) => s switch
    {
        SectionStatus.NotStarted => "Ikke påbegyndt",
        SectionStatus.Draft => "Kladde",
        _ => "Klar",
    };

    public static string AudienceName(Audience a) => a switch
    {
        Audience.Everyone => "Alle aktører i initiativet",
        Audience.Platforms => "Medlemmer af udvalgte platforme",
        _ => "Tovholdere og ankerperson",
    };

    public static string Key(int newsletterId, int personId) => $"newsletter:{newsletterId}:person:{personId}";
}
