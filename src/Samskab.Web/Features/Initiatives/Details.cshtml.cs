using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

public class DetailsModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public sealed record PlatformRow(int Id, string Name, PlatformStatus Status, string? FocusArea, IReadOnlyList<string> Coordinators, int MemberCount);

    public Initiative I { get; private set; } = null!;
    public IReadOnlyList<string> AnchorPersons { get; private set; } = [];
    public IReadOnlyList<PlatformRow> Platforms { get; private set; } = [];
    public IReadOnlyList<TimelineRow> Recent { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanCreatePlatform { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = AccessScope.ForInitiative(id);
        var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null) return NotFound();
        if (!await this.CanAsync(auth, scope, Operation.ViewInitiative)) return this.Refuse();
        I = initiative;
        CanEdit = await this.CanAsync(auth, scope, Operation.EditInitiative);
        CanCreatePlatform = await this.CanAsync(auth, scope, Operation.CreatePlatform);
        AnchorPersons = await db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Role == InitiativeRole.AnchorPerson)
            .Select(m => m.Person!.Name).ToListAsync(ct);
        var platforms = await db.Platforms.Where(p => p.InitiativeId == id)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Status,
                p.FocusArea,
                Coordinators = p.Members.Where(m => m.LeftOn == null && m.IsCoordinator).Select(m => m.Person!.Name).ToList(),
                Members = p.Members.Count(m => m.LeftOn == null),
            })
            .ToListAsync(ct);
        Platforms = platforms
            .OrderBy(p => p.Status).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new PlatformRow(p.Id, p.Name, p.Status, p.FocusArea, p.Coordinators, p.Members))
            .ToList();
        Recent = await TimelineRow.QueryAsync(db.Timeline.Where(t => t.InitiativeId == id), 5, ct);
        return Page();
    }
}
