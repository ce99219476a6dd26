using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Goals;

/// <summary>A platform's goals: the method asks for 3–5, each with a baseline. The page nudges; it does not forbid.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public sealed record Row(Goal Goal, GoalMeasurement? Latest, int Observations);

    public DevelopmentPlatform Platform { get; private set; } = null!;
    public IReadOnlyList<Row> Goals { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public int ActiveCount => Goals.Count(g => g.Goal.Status != GoalStatus.Dropped);

    public async Task<IActionResult> OnGetAsync(int platformId, CancellationToken ct)
    {
        var (platform, canRead, canEdit) = await GoalAccess.CheckAsync(this, db, auth, platformId);
        if (platform is null) return NotFound();
        if (!canRead) return this.Refuse();
        (Platform, CanEdit) = (platform, canEdit);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlatformId == platformId).OrderBy(g => g.Id).ToListAsync(ct);
        var ids = goals.Select(g => g.Id).ToList();
        var measurements = await db.GoalMeasurements.AsNoTracking().Where(m => ids.Contains(m.GoalId)).ToListAsync(ct);
        var observations = await db.GoalObservations.Where(o => ids.Contains(o.GoalId)).GroupBy(o => o.GoalId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Goals = goals.Select(g => new Row(g, measurements.Where(m => m.GoalId == g.Id).OrderBy(m => m.MeasuredOn).LastOrDefault(), observations.FirstOrDefault(o => o.Key == g.Id)?.Count ?? 0)).ToList();
        return Page();
    }
}
