using System.Security.Claims;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

/// <summary>Appends to the timeline in the caller's unit of work. There is no way to change or remove an entry.</summary>
public static class History
{
    public static TimelineEntry Append(this AppDbContext db, ClaimsPrincipal by, DateTimeOffset at, int initiativeId, int? platformId,
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
            What = what,
            Why = string.IsNullOrWhiteSpace(why) ? null : why.Trim(),
            ByAnchorPerson = byAnchorPerson,
        };
        db.Timeline.Add(entry);
        return entry;
    }
}
