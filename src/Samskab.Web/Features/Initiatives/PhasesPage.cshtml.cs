using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

public class PhasesPageModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv en kort note om, hvorfor I går videre.")]
    [StringLength(2000, ErrorMessage = "Noten må højst være 2000 tegn.")]
    public string? Note { get; set; }

    /// <summary>The phase the person saw when they pressed the button; a second click then moves nothing.</summary>
    [BindProperty]
    public int FromPhase { get; set; }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public int Phase { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        if (!CanEdit)
        {
            return this.Refuse();
        }
        if (FromPhase != Phase)
        {
            TempData["Success"] = l["Initiativet er allerede i fase {0}.", Phase].Value;
            return Redirect($"/initiativer/{id}/faser");
        }
        if (Phase >= 7)
        {
            ModelState.AddModelError(string.Empty, l["Initiativet er i sidste fase."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        // Compare-and-set on the phase: a double click or two anchor persons at once move it one step, not two.
        var moved = await db.Initiatives.Where(i => i.Id == id && i.Phase == Phase)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Phase, i => i.Phase + 1).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken: ct);
        if (moved == 1)
        {
            db.Append(User, now, id, null, TimelineEvents.Event("initiative.phase", "initiative.phase", Phase.ToString(System.Globalization.CultureInfo.InvariantCulture), Phases.Of(Phase).Name,
                (Phase + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Phases.Of(Phase + 1).Name), Note);
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l["Initiativet er nu i fase {0}.", Phase + 1].Value;
        }
        return Redirect($"/initiativer/{id}/faser");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var i = await db.Initiatives.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Title, x.Phase }).SingleOrDefaultAsync();
        if (i is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ViewInitiative))
        {
            return this.Refuse();
        }
        (Id, Title, Phase) = (id, i.Title, i.Phase);
        CanEdit = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.EditInitiative);
        return null;
    }
}
