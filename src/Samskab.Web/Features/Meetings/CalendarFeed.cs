namespace Samskab.Web.Features.Meetings;

public enum FeedScope
{
    Person = 1,
    Platform = 2,
    Initiative = 3,
}

/// <summary>
/// A private iCal subscription URL. The token in the URL is the only key (calendar apps cannot sign in), so only its
/// hash is stored, it belongs to one account, and it can be renewed, which revokes the old URL.
/// </summary>
public class CalendarFeed
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public FeedScope Scope { get; set; }
    public int? ScopeId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
