using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Ripples;

/// <summary>The initiative's ripple log: filterable, paginated, exportable.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Choice(int Id, string Name);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool CanRegister { get; private set; }
    public Page<RippleLog.Row> Ripples { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public IReadOnlyList<Choice> Platforms { get; private set; } = [];
    public IReadOnlyList<(RippleCategory Category, int Count)> ByCategory { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public RippleCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public RippleBeneficiary? Beneficiary { get; set; }
    [BindProperty(SupportsGet = true)] public int? Platform { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? side, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Ripples = await RippleLog.PageAsync(db, id, RippleLog.Query(db, id, Filter()), side, ct);
        var counts = await db.Ripples.Where(r => r.InitiativeId == id).GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByCategory = Enum.GetValues<RippleCategory>().Select(c => (c, counts.FirstOrDefault(x => x.Key == c)?.Count ?? 0)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var rows = await RippleLog.ListAsync(db, id, RippleLog.Query(db, id, Filter()), ct);
        return File(TableExport.Csv(Headers(), rows.Select(Cells)), "text/csv; charset=utf-8", $"ringe-i-vandet-{id}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var rows = await RippleLog.ListAsync(db, id, RippleLog.Query(db, id, Filter()), ct);
        return File(TableExport.Xlsx(l["Ringe i vandet"], Headers(), rows.Select(Cells)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ringe-i-vandet-{id}.xlsx");
    }

    private RippleLog.Filter Filter() => new(Category, Beneficiary, Platform, MeetingInput.ParseDate(From), MeetingInput.ParseDate(To));

    private string[] Headers() => [l["Dato"], l["Hvad skete der?"], l["Kategori"], l["Hvem har gavn af det?"], l["Platforme"], l["Aktører"], l["Registreret af"]];

    private string?[] Cells(RippleLog.Row r) =>
        [r.HappenedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.What, l[RippleText.Category(r.Category)], l[RippleText.Beneficiary(r.Beneficiary)],
         string.Join(", ", r.Platforms), string.Join(", ", r.Actors), r.ByName];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative)) return this.Refuse();
        (Id, Title) = (id, title);
        CanRegister = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.RegisterRipple);
        Platforms = await db.Platforms.Where(p => p.InitiativeId == id).OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        return null;
    }
}
