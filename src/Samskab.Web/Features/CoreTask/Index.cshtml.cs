using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The core-task processes the reader takes part in (all of them for an administrator).</summary>
[Authorize]
public class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public sealed record Row(int Id, string UnitName, CoreTaskPhase Phase, int Participants, bool Owner);

    public IReadOnlyList<Row> Processes { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var all = User.IsInRole(RoleNames.Administrator);
        Processes = await db.CoreTaskProcesses
            .Where(p => all || p.Participants.Any(x => x.UserId == userId))
            .OrderBy(p => p.UnitName).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.UnitName, p.Phase, p.Participants.Count, p.Participants.Any(x => x.UserId == userId && x.IsOwner)))
            .ToListAsync(ct);
        CanCreate = await this.CanAsync(auth, AccessScope.Site, Operation.CreateCoreTaskProcess);
    }
}
