using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

/// <summary>
/// The private iCal subscription feeds: GET /kalender/{token}.ics. The feed is built for the account that owns the
/// token, with that account's permissions at the time of each fetch, so someone who leaves a platform stops seeing its
/// meetings. Cancelled meetings stay in the feed as CANCELLED, so calendars remove them.
/// </summary>
public static class CalendarFeeds
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet("/kalender/{token}.ics", async (string token, AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals,
            IAuthorizationService auth, LinkBuilder links, TimeProvider clock, CancellationToken ct) =>
        {
            if (token.Length > 100) return Results.NotFound();
            var hash = OneTimeToken.Hash(token);
            var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
            if (feed is null || await users.FindByIdAsync(feed.UserId) is not { } user) return Results.NotFound();
            var principal = await principals.CreateAsync(user);
            var since = clock.GetUtcNow().AddMonths(-12);
            IQueryable<Meeting> meetings;
            string name;
            switch (feed.Scope)
            {
                case FeedScope.Platform:
                    var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == feed.ScopeId, ct);
                    if (platform is null || !(await auth.AuthorizeAsync(principal, AccessScope.ForPlatform(platform.InitiativeId, platform.Id), Operation.ViewPlatform)).Succeeded) return Results.NotFound();
                    meetings = db.Meetings.Where(m => m.PlatformId == platform.Id);
                    name = "Samskab: " + platform.Name;
                    break;
                case FeedScope.Initiative:
                    var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == feed.ScopeId, ct);
                    if (initiative is null || !(await auth.AuthorizeAsync(principal, AccessScope.ForInitiative(initiative.Id), Operation.ViewInitiative)).Succeeded) return Results.NotFound();
                    meetings = db.Meetings.Where(m => m.InitiativeId == initiative.Id);
                    name = "Samskab: " + initiative.Title;
                    break;
                default:
                    meetings = db.Meetings.Where(m => m.Invitations.Any(i => i.Person!.UserId == user.Id));
                    name = "Samskab: mine møder";
                    break;
            }
            var rows = await meetings.Where(m => m.EndsAt >= since).Include(m => m.Agenda).AsNoTracking().OrderBy(m => m.StartsAt).Take(1000).ToListAsync(ct);
            var ics = MeetingCalendar.Feed(name, rows.Select(m => (m, links.Absolute($"/moeder/{m.Id}"))));
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
