using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

public class CanvasModel(AppDbContext db, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [StringLength(2000, ErrorMessage = "Feltet må højst være 2000 tegn.")]
        public string? TargetGroup { get; set; }

        [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
        public string? Vision { get; set; }

        [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
        public string? Purpose { get; set; }

        [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
        public string? ImportantResults { get; set; }

        [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
        public string? Participants { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var i = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (i is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.EditInitiative))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, i.Title);
        Input = new InputModel { Version = i.Version, TargetGroup = i.TargetGroup, Vision = i.Vision, Purpose = i.Purpose, ImportantResults = i.ImportantResults, Participants = i.Participants };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var i = await db.Initiatives.SingleOrDefaultAsync(x => x.Id == id, cancellationToken: ct);
        if (i is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.EditInitiative))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, i.Title);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Entry(i).Property(x => x.Version).OriginalValue = Input.Version;
        i.TargetGroup = Input.TargetGroup?.Trim();
        i.Vision = Input.Vision?.Trim();
        i.Purpose = Input.Purpose?.Trim();
        i.ImportantResults = Input.ImportantResults?.Trim();
        i.Participants = Input.Participants?.Trim();
        i.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["En anden har gemt ændringer i initiativet, mens du redigerede. Din tekst er bevaret herunder – tjek initiativet i et andet faneblad, og gem igen, hvis din version skal gælde."]);
            Input.Version = await db.Initiatives.AsNoTracking().Where(x => x.Id == id).Select(x => x.Version).SingleAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Success"] = l["Forberedelseslærredet er gemt."].Value;
        return Redirect($"/initiativer/{id}");
    }
}
