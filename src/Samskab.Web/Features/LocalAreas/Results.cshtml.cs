using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// What became of the requests, for one area (/lokalomraader/{id}/resultater) or the whole municipality
/// (/lokalomraader/resultater): by state, category and age, the share answered within the promise, the median time to
/// a first answer, and done apart from closed without being done. Public, as the requests are; no names in it.
/// </summary>
public class ResultsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record CategoryRow(RequestCategory Category, int Total, int Open, int Done, int ClosedNotDone);
    public sealed record AgeRow(string Label, int Count);

    public int? AreaId { get; private set; }
    public string? AreaName { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<(RequestState State, int Count)> ByState { get; private set; } = [];
    public IReadOnlyList<CategoryRow> ByCategory { get; private set; } = [];
    public IReadOnlyList<AgeRow> OpenByAge { get; private set; } = [];

    /// <summary>Of the requests whose answer was due by today or that were answered: answered by the promised day.</summary>
    public int AnsweredInTime { get; private set; }
    public int AnswerMeasured { get; private set; }
    public double? MedianDaysToFirstAnswer { get; private set; }

    private sealed record Fact(int Id, string Title, RequestCategory Category, RequestState State, DateTimeOffset CreatedAt, DateTimeOffset? FirstAnsweredAt,
        DateOnly AnswerDueOn, DateTimeOffset? ClosedAt, int ReopenCount, string AreaName);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAreaAsync(id, ct) is { } missing) return missing;
        var facts = await FactsAsync(id, ct);
        var today = clock.Today();
        Total = facts.Count;
        ByState = AreaRules.Order.Select(s => (s, facts.Count(f => f.State == s))).ToList();
        ByCategory = AreaRules.Categories.Select(c => facts.Where(f => f.Category == c).ToList())
            .Select((list, n) => new CategoryRow(AreaRules.Categories[n], list.Count, list.Count(f => f.State is not (RequestState.Done or RequestState.ClosedNotDone)),
                list.Count(f => f.State == RequestState.Done), list.Count(f => f.State == RequestState.ClosedNotDone)))
            .Where(r => r.Total > 0).ToList();
        var open = facts.Where(f => f.State is not (RequestState.Done or RequestState.ClosedNotDone)).Select(f => today.DayNumber - Day(f.CreatedAt).DayNumber).ToList();
        OpenByAge =
        [
            new(l["Under 2 uger"], open.Count(d => d < 14)),
            new(l["2 uger til 1 måned"], open.Count(d => d is >= 14 and < 31)),
            new(l["1–3 måneder"], open.Count(d => d is >= 31 and < 92)),
            new(l["Over 3 måneder"], open.Count(d => d >= 92)),
        ];
        var measured = facts.Where(f => f.FirstAnsweredAt is not null || f.AnswerDueOn < today).ToList();
        AnswerMeasured = measured.Count;
        AnsweredInTime = measured.Count(f => f.FirstAnsweredAt is DateTimeOffset a && Day(a) <= f.AnswerDueOn);
        var days = facts.Where(f => f.FirstAnsweredAt is not null).Select(f => (f.FirstAnsweredAt!.Value - f.CreatedAt).TotalDays).Order().ToList();
        MedianDaysToFirstAnswer = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int? id, CancellationToken ct)
    {
        if (await LoadAreaAsync(id, ct) is { } missing) return missing;
        return File(TableExport.Csv(Headers(), Rows(await FactsAsync(id, ct))), "text/csv; charset=utf-8", $"henvendelser{(id is null ? "" : "-" + id)}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int? id, CancellationToken ct)
    {
        if (await LoadAreaAsync(id, ct) is { } missing) return missing;
        return File(TableExport.Xlsx(l["Henvendelser"], Headers(), Rows(await FactsAsync(id, ct))), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"henvendelser{(id is null ? "" : "-" + id)}.xlsx");
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToDanish().DateTime);

    private string[] Headers() => [l["Nr."], l["Lokalområde"], l["Overskrift"], l["Kategori"], l["Tilstand"], l["Sendt"], l["Svarfrist"], l["Første svar"], l["Lukket"], l["Genåbnet"]];

    private IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<Fact> facts) => facts.Select(f => (IReadOnlyList<string?>)
    [
        f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), f.AreaName, f.Title, l[AreaRules.Category(f.Category)], l[AreaRules.State(f.State)],
        Day(f.CreatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.AnswerDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        f.FirstAnsweredAt is DateTimeOffset a ? Day(a).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        f.ClosedAt is DateTimeOffset c ? Day(c).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        f.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ]);

    private async Task<List<Fact>> FactsAsync(int? id, CancellationToken ct) =>
        await db.AreaRequests.Where(r => id == null || r.AreaId == id).OrderBy(r => r.Id)
            .Select(r => new Fact(r.Id, r.Title, r.Category, r.State, r.CreatedAt, r.FirstAnsweredAt, r.AnswerDueOn, r.ClosedAt, r.ReopenCount,
                db.LocalAreas.Where(a => a.Id == r.AreaId).Select(a => a.Name).First()))
            .ToListAsync(ct);

    private async Task<IActionResult?> LoadAreaAsync(int? id, CancellationToken ct)
    {
        if (id is int areaId)
        {
            AreaName = await db.LocalAreas.Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (AreaName is null) return NotFound();
            AreaId = areaId;
        }
        return null;
    }
}
