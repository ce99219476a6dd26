using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>One click from the mail ends the mails about an area; nothing else is needed, not even the device.</summary>
public class UnsubscribeModel(AppDbContext db) : PageModel
{
    public int? AreaId { get; private set; }
    public string? Name { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        if (token.Length > 100) return;
        var follower = await db.AreaFollowers.Where(f => f.Token == token)
            .Select(f => new { f.AreaId, Name = db.LocalAreas.Where(a => a.Id == f.AreaId).Select(a => a.Name).First() }).FirstOrDefaultAsync(ct);
        if (follower is null) return;
        (AreaId, Name) = (follower.AreaId, follower.Name);
        await db.AreaFollowers.Where(f => f.Token == token).ExecuteDeleteAsync(ct);
    }
}
