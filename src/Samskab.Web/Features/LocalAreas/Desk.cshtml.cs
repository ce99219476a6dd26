using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// The bridge builder's desk: their areas, what is overdue or due soon, what was passed on and not heard of, and every
/// open request by age. A fixed number of queries, each list capped, whatever the areas hold.
/// </summary>
public class DeskModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IOptions<LocalAreaSettings> settings) : PageModel
{
    public const int ListSize = 50;

    public sealed record AreaRow(int Id, string Name, int Open, int Overdue);
    public sealed record Row(int Id, int AreaId, string AreaName, string Title, RequestState State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateOnly AnswerDueOn, DateTimeOffset? FirstAnsweredAt, string? Department, bool Mine);

    [BindProperty(SupportsGet = true, Name = "kun-mine")]
    public bool OnlyMine { get; set; }

    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public IReadOnlyList<Row> Overdue { get; private set; } = [];
    public IReadOnlyList<Row> DueSoon { get; private set; } = [];
    public IReadOnlyList<Row> Quiet { get; private set; } = [];
    public IReadOnlyList<Row> Oldest { get; private set; } = [];
    public IReadOnlyDictionary<RequestState, int> ByState { get; private set; } = new Dictionary<RequestState, int>();
    public DateOnly Today { get; private set; }
    public int QuietDays => settings.Value.PassedOnQuietDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.HandleAreaRequest)) return this.Refuse();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Today = clock.Today();
        var soon = AreaRules.AnswerDue(Today, 3);
        var quiet = clock.GetUtcNow().AddDays(-QuietDays);
        // An administrator who is nobody's bridge builder sees every area.
        var admin = User.IsInRole(RoleNames.Administrator) && !await db.AreaBridgeBuilders.AnyAsync(b => b.UserId == userId, ct);
        // The areas first (a short list), so that the lists below filter by a plain IN list.
        var areaIds = await db.LocalAreas.Where(a => admin || a.BridgeBuilders.Any(b => b.UserId == userId)).Select(a => a.Id).ToListAsync(ct);
        Areas = await db.LocalAreas.Where(a => areaIds.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new AreaRow(a.Id, a.Name,
                db.AreaRequests.Count(r => r.AreaId == a.Id && r.ClosedAt == null),
                db.AreaRequests.Count(r => r.AreaId == a.Id && r.ClosedAt == null && r.FirstAnsweredAt == null && r.AnswerDueOn < Today)))
            .ToListAsync(ct);
        var open = db.AreaRequests.Where(r => areaIds.Contains(r.AreaId) && r.ClosedAt == null);
        if (OnlyMine) open = open.Where(r => r.OwnerUserId == userId);
        IQueryable<Row> Rows(IQueryable<AreaRequest> q) => q.Select(r => new Row(r.Id, r.AreaId, db.LocalAreas.Where(a => a.Id == r.AreaId).Select(a => a.Name).First(), r.Title, r.State,
            r.CreatedAt, r.UpdatedAt, r.AnswerDueOn, r.FirstAnsweredAt, r.Department, r.OwnerUserId == userId));
        Overdue = await Rows(open.Where(r => r.FirstAnsweredAt == null && r.AnswerDueOn < Today).OrderBy(r => r.AnswerDueOn).ThenBy(r => r.Id).Take(ListSize)).ToListAsync(ct);
        DueSoon = await Rows(open.Where(r => r.FirstAnsweredAt == null && r.AnswerDueOn >= Today && r.AnswerDueOn <= soon).OrderBy(r => r.AnswerDueOn).ThenBy(r => r.Id).Take(ListSize)).ToListAsync(ct);
        Quiet = await Rows(open.Where(r => r.State == RequestState.PassedOn && r.UpdatedAt < quiet).OrderBy(r => r.UpdatedAt).Take(ListSize)).ToListAsync(ct);
        Oldest = await Rows(open.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(ListSize)).ToListAsync(ct);
        ByState = await open.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Page();
    }
}
