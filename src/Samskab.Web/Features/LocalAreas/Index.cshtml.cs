using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>The local areas, found by a name people know: the area's own, or a village or neighbourhood in it.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public sealed record AreaRow(int Id, string Name, string? Description, IReadOnlyList<string> Places, string? MatchedPlace, int OpenRequests);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanManage { get; private set; }
    public bool IsBridgeBuilder { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A municipality has tens of areas, not thousands: all are read (one query) and matched here, so "æ", "ø"
        // and "å" match whatever their case, which SQLite's LIKE does not do.
        var rows = await db.LocalAreas.OrderBy(a => a.Name).Take(500)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Description,
                a.Places,
                Open = db.AreaRequests.Count(r => r.AreaId == a.Id && r.ClosedAt == null),
            })
            .ToListAsync(ct);
        Total = rows.Count;
        var q = Query?.Trim();
        if (q?.Length > 100) q = q[..100];
        var all = rows.Select(a => (a, Places: AreaRules.PlaceList(a.Places)));
        if (!string.IsNullOrEmpty(q))
        {
            all = all.Where(x => x.a.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase) || x.Places.Any(p => p.Contains(q, StringComparison.CurrentCultureIgnoreCase)));
        }
        Areas = all.Select(x => new AreaRow(x.a.Id, x.a.Name, x.a.Description, x.Places,
            string.IsNullOrEmpty(q) || x.a.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase) ? null : x.Places.First(p => p.Contains(q, StringComparison.CurrentCultureIgnoreCase)),
            x.a.Open)).ToList();
        if (User.Identity?.IsAuthenticated == true)
        {
            CanManage = await this.CanAsync(auth, AccessScope.Site, Operation.ManageLocalAreas);
            IsBridgeBuilder = await this.CanAsync(auth, AccessScope.Site, Operation.HandleAreaRequest);
        }
    }
}
