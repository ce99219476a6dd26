using System.Security.Claims;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

/// <summary>Appends to the timeline in the caller's unit of work. There is no way to change or remove an entry.</summary>
public static class History
{
    /// <summary>Appends an event stored as data (kind and parts), with its Danish sentence beside it.</summary>
    public static TimelineEntry Append(this AppDbContext db, ClaimsPrincipal by, DateTimeOffset at, int initiativeId, int? platformId,
        TimelineEvent e, string? why = null, bool byAnchorPerson = false)
    {
        var entry = db.Append(by, at, initiativeId, platformId, e.Kind, TimelineEvents.Danish(e.Parts), why, byAnchorPerson);
        entry.Data = TimelineEvents.Serialize(e.Parts);
        return entry;
    }

    private static TimelineEntry Append(this AppDbContext db, ClaimsPrincipal by, DateTimeOffset at, int initiativeId, int? platformId,
        string kind, string what, string? why = null, bool byAnchorPerson = false)
    {
        var entry = new TimelineEntry
        {
            InitiativeId = initiativeId,
            PlatformId = platformId,
            At = at,
            ByName = by.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? by.Identity?.Name ?? "Samskab",
            ByUserId = by.FindFirstValue(ClaimTypes.NameIdentifier),
            Kind = kind,
            // The Danish sentence is a summary beside the data; a long decision is kept whole in the data.
            What = what.Length <= 1000 ? what : what[..999] + "…",
            Why = string.IsNullOrWhiteSpace(why) ? null : why.Trim(),
            ByAnchorPerson = byAnchorPerson,
        };
        db.Timeline.Add(entry);
        return entry;
    }
}
