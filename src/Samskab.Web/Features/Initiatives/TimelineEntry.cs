namespace Samskab.Web.Features.Initiatives;

/// <summary>
/// One line of an initiative's history: who did what, when and why. Appended only; never edited or deleted.
/// </summary>
public class TimelineEntry
{
    public long Id { get; set; }
    public int InitiativeId { get; set; }
    public int? PlatformId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The person's name at the time, so the history reads right even after an account is deleted.</summary>
    public required string ByName { get; set; }
    public string? ByUserId { get; set; }

    /// <summary>A stable kind (e.g. "platform.standby") for filtering and the newsletter.</summary>
    public required string Kind { get; set; }
    /// <summary>The sentence in Danish, as written when it happened (for the API, the newsletter and older entries).</summary>
    public required string What { get; set; }

    /// <summary>The event's parts as data (JSON, see <see cref="TimelineEvents"/>), written in the reader's language when shown.</summary>
    public string? Data { get; set; }
    public string? Why { get; set; }

    /// <summary>True when the anchor person acted on the whole initiative rather than the platform deciding.</summary>
    public bool ByAnchorPerson { get; set; }
}
