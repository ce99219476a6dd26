using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

[Authorize]
public class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public sealed record Row(int Id, string Title, string SharedChallenge, int Phase, int ActivePlatforms);

    public Page<Row> Initiatives { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(int? side, CancellationToken ct)
    {
        CanCreate = await this.CanAsync(auth, AccessScope.Site, Operation.CreateInitiative);
        Initiatives = await db.Initiatives.VisibleTo(db, User)
            .OrderBy(i => i.Title)
            .Select(i => new Row(i.Id, i.Title, i.SharedChallenge, i.Phase, db.Platforms.Count(p => p.InitiativeId == i.Id && p.Status == PlatformStatus.Active)))
            .ToPageAsync(side, ct: ct);
    }
}
