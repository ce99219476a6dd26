using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>One click from the mail ends the mails about an idea; nothing else is needed, not even the device.</summary>
public class UnsubscribeModel(AppDbContext db) : PageModel
{
    public int? IdeaId { get; private set; }
    public string? Title { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        if (token.Length > 100) return;
        var follower = await db.IdeaFollowers.Where(f => f.Token == token)
            .Select(f => new { f.IdeaId, Title = db.Ideas.Where(i => i.Id == f.IdeaId).Select(i => i.Title).FirstOrDefault() }).FirstOrDefaultAsync(ct);
        if (follower is null) return;
        (IdeaId, Title) = (follower.IdeaId, follower.Title);
        await db.IdeaFollowers.Where(f => f.Token == token).ExecuteDeleteAsync(ct);
    }
}
