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
    public sealed record Row(int MemberId, string Name, string? Title, string? Organisation, OrganisationType? Type, InitiativeRole Role, bool InWorkingGroup,
        IReadOnlyList<string> Platforms, string? Interest, Influence? Influence, Stance? Stance, Necessity? Necessity, Involvement? Involvement, bool SharesContact, string? Email, string? Phone);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool CanManage { get; private set; }
    public Page<Row> Actors { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public IReadOnlyList<Row> All { get; private set; } = [];

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
        Actors = new Page<Row>(filtered.Skip((number - 1) * size).Take(size).ToList(), number, size, filtered.Count);
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

    private IEnumerable<Row> Filter(IEnumerable<Row> rows)
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
        if (Stance is { } s) rows = rows.Where(r => r.Stance == s);
        if (Influence is { } i) rows = rows.Where(r => r.Influence == i);
        return rows;
    }

    private string[] Headers() =>
    [
        l["Navn"], l["Titel"], l["Organisation"], l["Type"], l["Rolle"], l["Arbejdsgruppe"], l["Platforme"], l["Interesse/motiv"],
        l["Indflydelse"], l["Holdning"], l["Nødvendighed"], l["Planlagt inddragelse"], l["E-mail"], l["Telefon"],
    ];

    /// <summary>Contact details only for people who consented to share them.</summary>
    private string?[] Cells(Row r) =>
    [
        r.Name, r.Title, r.Organisation, r.Type is { } t ? l[ActorText.Type(t)].Value : null, l[ActorText.Role(r.Role)], r.InWorkingGroup ? l["Ja"] : l["Nej"],
        string.Join(", ", r.Platforms), r.Interest, l[ActorText.Influence(r.Influence)], l[ActorText.Stance(r.Stance)], l[ActorText.Necessity(r.Necessity)],
        l[ActorText.Involvement(r.Involvement)], r.SharesContact ? r.Email : null, r.SharesContact ? r.Phone : null,
    ];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewActorOverview)) return this.Refuse();
        (Id, Title) = (id, title);
        CanManage = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ManageActors);
        var rows = await db.InitiativeMembers.Where(m => m.InitiativeId == id)
            .Select(m => new
            {
                m.Id,
                m.Person!.Name,
                m.Person.Title,
                Organisation = m.Person.Organisation!.Name,
                Type = (OrganisationType?)m.Person.Organisation.Type,
                m.Role,
                m.InWorkingGroup,
                Platforms = db.PlatformMembers.Where(pm => pm.PersonId == m.PersonId && pm.LeftOn == null && pm.Platform!.InitiativeId == id).Select(pm => pm.Platform!.Name).ToList(),
                m.Interest,
                m.Influence,
                m.Stance,
                m.Necessity,
                m.PlannedInvolvement,
                m.Person.SharesContactDetails,
                m.Person.Email,
                m.Person.Phone,
            })
            .ToListAsync(ct);
        All = rows.OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), true))
            .Select(r => new Row(r.Id, r.Name, r.Title, r.Organisation, r.Type, r.Role, r.InWorkingGroup, r.Platforms, r.Interest, r.Influence, r.Stance, r.Necessity, r.PlannedInvolvement, r.SharesContactDetails, r.Email, r.Phone))
            .ToList();
        return null;
    }
}
