using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

/// <summary>An initiative's meetings: upcoming, past, and a month view.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, MeetingType Type, string? Platform, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, bool Cancelled, int Yes, int Invited);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public Page<Row> Past { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public IReadOnlyList<Row> Month { get; private set; } = [];
    public DateOnly MonthStart { get; private set; }
    public bool CanPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? maaned, int? side, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative)) return this.Refuse();
        (Id, Title) = (id, title);
        CanPlan = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.PlanInitiativeMeeting)
            || await db.Platforms.Where(p => p.InitiativeId == id).AnyAsync(ct) && await AnyPlatformPlannableAsync(id, ct);
        var now = clock.GetUtcNow();
        var meetings = db.Meetings.Where(m => m.InitiativeId == id);
        Upcoming = await Project(meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt).Take(50)).ToListAsync(ct);
        Past = await Project(meetings.Where(m => m.EndsAt < now).OrderByDescending(m => m.StartsAt)).ToPageAsync(side, ct: ct);

        var today = DateOnly.FromDateTime(now.ToDanish().DateTime);
        // A month outside the dates Samskab works with (9999-12, 0001-01) shows this month instead of overflowing.
        MonthStart = DateOnly.TryParseExact(maaned, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && SafeDates.InRange(m) && SafeDates.InRange(m.AddMonths(1))
            ? m : new DateOnly(today.Year, today.Month, 1);
        var from = MeetingInput.ToUtc(MonthStart, TimeOnly.MinValue)!.Value;
        var to = MeetingInput.ToUtc(MonthStart.AddMonths(1), TimeOnly.MinValue)!.Value;
        Month = await Project(meetings.Where(m => m.StartsAt >= from && m.StartsAt < to).OrderBy(m => m.StartsAt)).ToListAsync(ct);
        return Page();
    }

    /// <summary>Filters and ordering go on the meetings; only then the projection, so all of it runs in SQL.</summary>
    private IQueryable<Row> Project(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new Row(m.Id, m.Title, m.Type, db.Platforms.Where(p => p.Id == m.PlatformId).Select(p => p.Name).FirstOrDefault(), m.StartsAt, m.EndsAt, m.Location,
            m.CancelledAt != null, m.Invitations.Count(i => i.Reply == Reply.Yes), m.Invitations.Count));

    private async Task<bool> AnyPlatformPlannableAsync(int id, CancellationToken ct)
    {
        await this.PrefetchPlatformRolesAsync(id);
        foreach (var pid in await db.Platforms.Where(p => p.InitiativeId == id).Select(p => p.Id).ToListAsync(ct))
        {
            if (await this.CanAsync(auth, AccessScope.ForPlatform(id, pid), Operation.PlanPlatformMeeting))
            {
                return true;
            }
        }
        return false;
    }
}
