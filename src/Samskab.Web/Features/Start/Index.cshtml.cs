using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Start;

/// <summary>The personal start page: where a signed-in person lands.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record InitiativeRow(int Id, string Title, IReadOnlyList<string> Roles);
    public sealed record PlatformRow(int Id, string Name, string Initiative, bool IsCoordinator);

    public string Name { get; private set; } = "";
    public IReadOnlyList<InitiativeRow> Initiatives { get; private set; } = [];
    public IReadOnlyList<PlatformRow> Platforms { get; private set; } = [];

    public static string RoleText(InitiativeRole role) => role switch
    {
        InitiativeRole.AnchorPerson => "Ankerperson",
        InitiativeRole.Observer => "Observatør",
        _ => "Aktør",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Name = User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "";
        var memberships = await db.InitiativeMembers
            .Where(m => m.Person!.UserId == userId)
            .Select(m => new { m.InitiativeId, m.Initiative!.Title, m.Role, m.InWorkingGroup })
            .ToListAsync(ct);
        Initiatives = memberships
            .Select(m => new InitiativeRow(m.InitiativeId, m.Title, m.InWorkingGroup ? [RoleText(m.Role), "Arbejdsgruppe"] : [RoleText(m.Role)]))
            .OrderBy(i => i.Title, StringComparer.CurrentCulture)
            .ToList();
        Platforms = await db.PlatformMembers
            .Where(m => m.Person!.UserId == userId && m.LeftOn == null)
            .OrderBy(m => m.Platform!.Name)
            .Select(m => new PlatformRow(m.PlatformId, m.Platform!.Name, m.Platform.Initiative!.Title, m.IsCoordinator))
            .ToListAsync(ct);
    }
}
