using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>The public version (no contact list) for home organisations and the press, once the anchor person has published it.</summary>
public class PublicModel(AppDbContext db) : PageModel
{
    public Newsletter Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.IsPublic && n.PublicHtml != null);
        if (edition is null) return NotFound();
        Edition = edition;
        return Page();
    }
}
