using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

public class PosterPageModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Id { get; private set; }
    public Poster.Data Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetSvgAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var svg = Poster.Svg(Data, k => l[k].Value, standalone: true);
        return File(Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"plakat-{id}.svg");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!await db.Initiatives.AnyAsync(i => i.Id == id, ct)) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative)) return this.Refuse();
        Id = id;
        Data = (await Poster.LoadAsync(db, id, clock, ct))!;
        return null;
    }
}
