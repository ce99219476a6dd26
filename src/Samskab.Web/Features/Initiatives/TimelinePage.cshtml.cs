using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

public class TimelinePageModel(AppDbContext db, IAuthorizationService auth, PlatformLifecycle lifecycle) : PageModel
{
    public sealed record Choice(int Id, string Name);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public int? PlatformId { get; private set; }
    public IReadOnlyList<Choice> PlatformOptions { get; private set; } = [];
    public Page<TimelineRow> Entries { get; private set; } = new([], 1, 50, 0);

    public async Task<IActionResult> OnGetAsync(int id, int? platform, int? side, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, title);
        PlatformOptions = await db.Platforms.Where(p => p.InitiativeId == id).OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        var entries = db.Timeline.Where(t => t.InitiativeId == id);
        if (platform is int pid && PlatformOptions.Any(o => o.Id == pid))
        {
            PlatformId = pid;
            var lineage = await lifecycle.LineageAsync(pid, ct);
            entries = entries.Where(t => t.PlatformId != null && lineage.Contains(t.PlatformId.Value));
        }
        Entries = await entries.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new TimelineRow(t.At, t.ByName, t.What, t.Data, t.Why, t.ByAnchorPerson, null))
            .ToPageAsync(side, 50, ct);
        return Page();
    }
}
