using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Evaluation;

/// <summary>
/// The evaluation view: every goal from baseline to latest value, every ripple, and the reality checks over time —
/// printable, and as an XLSX workbook for the actors' home organisations.
/// </summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record GoalRow(int Id, string Platform, string Title, GoalKind Kind, GoalHorizon Horizon, GoalStatus Status, bool HasBaseline, string Baseline, string Latest, string Target);
    public sealed record CheckRow(string Platform, DateTimeOffset StartedAt, ProposedChange? Outcome, string? Summary, int Answers);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string SharedChallenge { get; private set; } = "";
    public IReadOnlyList<GoalRow> Goals { get; private set; } = [];
    /// <summary>The newest ripples on the page; the workbook has every one, and the ripple log pages through them.</summary>
    public IReadOnlyList<RippleLog.Row> Ripples { get; private set; } = [];
    public int RippleCount { get; private set; }
    public IReadOnlyList<(RippleCategory Category, int Count)> RipplesByCategory { get; private set; } = [];
    public const int RipplesShown = 20;
    public IReadOnlyList<CheckRow> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, RipplesShown, ct) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, null, ct) is { } refused) return refused;
        var sheets = new List<(string, IReadOnlyList<string>, IEnumerable<IReadOnlyList<string?>>)>
        {
            (l["Mål"], [l["Platform"], l["Mål"], l["Art"], l["Sigt"], l["Status"], l["Baseline"], l["Seneste"], l["Mål (valgfrit)"]],
                Goals.Select(g => (IReadOnlyList<string?>)[g.Platform, g.Title, l[GoalText.Kind(g.Kind)], l[GoalText.Horizon(g.Horizon)], l[GoalText.Status(g.Status)], g.Baseline, g.Latest, g.Target])),
            (l["Ringe i vandet"], [l["Dato"], l["Hvad skete der?"], l["Kategori"], l["Hvem har gavn af det?"], l["Platforme"]],
                Ripples.Select(r => (IReadOnlyList<string?>)[r.HappenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.What, l[RippleText.Category(r.Category)], l[RippleText.Beneficiary(r.Beneficiary)], string.Join(", ", r.Platforms)])),
            (l["Realitetstjek"], [l["Platform"], l["Dato"], l["Resultat"], l["Opsamling"], l["Svar"]],
                Checks.Select(c => (IReadOnlyList<string?>)[c.Platform, c.StartedAt.ToDanish().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Outcome is { } o ? l[RealityCheckText.Change(o)] : l["åbent"], c.Summary, c.Answers.ToString(CultureInfo.InvariantCulture)])),
        };
        return File(TableExport.XlsxWorkbook(sheets), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"evaluering-{id}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(int id, int? ripples, CancellationToken ct)
    {
        var initiative = await db.Initiatives.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.SharedChallenge }).SingleOrDefaultAsync(ct);
        if (initiative is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative)) return this.Refuse();
        (Id, Title, SharedChallenge) = (id, initiative.Title, initiative.SharedChallenge);
        var platforms = await db.Platforms.Where(p => p.InitiativeId == id).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var platformIds = platforms.Keys.ToList();
        // Each goal with its latest measurement, in one query (not every measurement of every goal).
        var goals = await db.Goals.AsNoTracking().Where(g => platformIds.Contains(g.PlatformId)).OrderBy(g => g.PlatformId).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id,
                g.PlatformId,
                g.Title,
                g.Kind,
                g.Horizon,
                g.Status,
                g.Unit,
                g.BaselineValue,
                g.BaselineDate,
                g.BaselineDescription,
                g.TargetValue,
                // Scalar subqueries: the database reads each goal's few measurements through the GoalId index.
                LatestValue = g.Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefault(),
                LatestOn = g.Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id).Select(m => (DateOnly?)m.MeasuredOn).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Goals = goals.Select(g =>
        {
            var unit = g.Unit is null ? "" : " " + g.Unit;
            var hasBaseline = g.Kind == GoalKind.Quantitative ? g.BaselineValue is not null && g.BaselineDate is not null : !string.IsNullOrWhiteSpace(g.BaselineDescription);
            return new GoalRow(g.Id, platforms[g.PlatformId], g.Title, g.Kind, g.Horizon, g.Status, hasBaseline,
                g.Kind == GoalKind.Quantitative ? (hasBaseline ? GoalInput.Format(g.BaselineValue) + unit : "–") : g.BaselineDescription ?? "–",
                g.Kind == GoalKind.Quantitative ? (g.LatestOn is not { } on ? "–" : GoalInput.Format(g.LatestValue) + unit + " (" + on.ToText("d. MMM yyyy", CultureInfo.CurrentCulture) + ")") : "–",
                g.TargetValue is null ? "–" : GoalInput.Format(g.TargetValue) + unit);
        }).ToList();
        var all = RippleLog.Query(db, id, new RippleLog.Filter());
        Ripples = await RippleLog.ListAsync(db, id, ripples is int take ? all.Take(take) : all, ct);
        RipplesByCategory = (await db.Ripples.Where(r => r.InitiativeId == id).GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(c => c.Count).Select(c => (c.Key, c.Count)).ToList();
        RippleCount = RipplesByCategory.Sum(c => c.Count);
        Checks = (await db.RealityChecks.AsNoTracking().Where(c => platformIds.Contains(c.PlatformId)).OrderByDescending(c => c.StartedAt)
            .Select(c => new { c.PlatformId, c.StartedAt, c.Outcome, c.Summary, Answers = c.Answers.Count }).ToListAsync(ct))
            .Select(c => new CheckRow(platforms[c.PlatformId], c.StartedAt, c.Outcome, c.Summary, c.Answers)).ToList();
        return null;
    }
}
