using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Actors;

/// <summary>The actor overview (aktøroverblik): everyone in the initiative with the stakeholder mapping.</summary>
public class OverviewModel(AppDbContext db, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool CanManage { get; private set; }

    /// <summary>Stakeholder assessments are the working group's tool: shown, filtered and exported only with this right.</summary>
    public bool SeesAssessments { get; private set; }
    public Page<ActorOverviewQuery.Row> Actors { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public IReadOnlyList<ActorOverviewQuery.Row> All { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public Stance? Stance { get; set; }
    [BindProperty(SupportsGet = true)] public Influence? Influence { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? side, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var filtered = Filter(All).ToList();
        var size = Paging.DefaultSize;
        var pageCount = Math.Max(1, (int)Math.Ceiling(filtered.Count / (double)size));
        var number = Math.Clamp(side ?? 1, 1, pageCount);
        Actors = new Page<ActorOverviewQuery.Row>(filtered.Skip((number - 1) * size).Take(size).ToList(), number, size, filtered.Count);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return File(TableExport.Csv(Headers(), Filter(All).Select(Cells)), "text/csv; charset=utf-8", $"aktoeroverblik-{id}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return File(TableExport.Xlsx(l["Aktøroverblik"], Headers(), Filter(All).Select(Cells)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"aktoeroverblik-{id}.xlsx");
    }

    private IEnumerable<ActorOverviewQuery.Row> Filter(IEnumerable<ActorOverviewQuery.Row> rows)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || (r.Organisation?.Contains(q, StringComparison.CurrentCultureIgnoreCase) ?? false)
                || (r.Title?.Contains(q, StringComparison.CurrentCultureIgnoreCase) ?? false)
                || r.Platforms.Any(p => p.Contains(q, StringComparison.CurrentCultureIgnoreCase)));
        }
        if (Type is { } t) rows = rows.Where(r => r.Type == t);
        if (SeesAssessments && Stance is { } s) rows = rows.Where(r => r.Stance == s);
        if (SeesAssessments && Influence is { } i) rows = rows.Where(r => r.Influence == i);
        return rows;
    }

    private string[] Headers() => SeesAssessments
        ? [l["Navn"], l["Titel"], l["Organisation"], l["Type"], l["Rolle"], l["Arbejdsgruppe"], l["Platforme"], l["Interesse/motiv"],
           l["Indflydelse"], l["Holdning"], l["Nødvendighed"], l["Planlagt inddragelse"], l["E-mail"], l["Telefon"]]
        : [l["Navn"], l["Titel"], l["Organisation"], l["Type"], l["Rolle"], l["Arbejdsgruppe"], l["Platforme"], l["E-mail"], l["Telefon"]];

    private string?[] Cells(ActorOverviewQuery.Row r) => SeesAssessments
        ? [r.Name, r.Title, r.Organisation, r.Type is { } t ? l[ActorText.Type(t)].Value : null, l[ActorText.Role(r.Role)], r.InWorkingGroup ? l["Ja"] : l["Nej"],
           string.Join(", ", r.Platforms), r.Interest, l[ActorText.Influence(r.Influence)], l[ActorText.Stance(r.Stance)], l[ActorText.Necessity(r.Necessity)],
           l[ActorText.Involvement(r.Involvement)], r.Email, r.Phone]
        : [r.Name, r.Title, r.Organisation, r.Type is { } t2 ? l[ActorText.Type(t2)].Value : null, l[ActorText.Role(r.Role)], r.InWorkingGroup ? l["Ja"] : l["Nej"],
           string.Join(", ", r.Platforms), r.Email, r.Phone];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewActorOverview)) return this.Refuse();
        (Id, Title) = (id, title);
        CanManage = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ManageActors);
        SeesAssessments = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewStakeholderAssessments);
        All = await ActorOverviewQuery.RowsAsync(db, id, SeesAssessments, ct);
        return null;
    }
}
