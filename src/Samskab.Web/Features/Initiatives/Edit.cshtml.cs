using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

public class EditModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Skriv en titel.")]
        [StringLength(200, ErrorMessage = "Titlen må højst være 200 tegn.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Skriv den fælles udfordring.")]
        [StringLength(2000, ErrorMessage = "Udfordringen må højst være 2000 tegn.")]
        public string SharedChallenge { get; set; } = "";

        [StringLength(8000, ErrorMessage = "Beskrivelsen må højst være 8000 tegn.")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Vælg en startdato.")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Skriv mindst én spilleregel.")]
        [StringLength(4000, ErrorMessage = "Spillereglerne må højst være 4000 tegn.")]
        public string GroundRules { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (initiative is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.EditInitiative))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, initiative.Title);
        Input = new InputModel
        {
            Version = initiative.Version,
            Title = initiative.Title,
            SharedChallenge = initiative.SharedChallenge,
            Description = initiative.Description,
            StartDate = initiative.StartDate,
            GroundRules = initiative.GroundRules,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id, cancellationToken: ct);
        if (initiative is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.EditInitiative))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, initiative.Title);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changes = new List<string>();
        if (initiative.Title != Input.Title.Trim()) changes.Add("Titel");
        if (initiative.SharedChallenge != Input.SharedChallenge.Trim()) changes.Add("fælles udfordring");
        if (initiative.GroundRules != NormaliseRules(Input.GroundRules)) changes.Add("Spilleregler");
        db.Entry(initiative).Property(i => i.Version).OriginalValue = Input.Version;
        initiative.Title = Input.Title.Trim();
        initiative.SharedChallenge = Input.SharedChallenge.Trim();
        initiative.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        initiative.StartDate = Input.StartDate!.Value;
        initiative.GroundRules = NormaliseRules(Input.GroundRules);
        initiative.Version++;
        if (changes.Count > 0)
        {
            db.Append(User, clock.GetUtcNow(), id, null, TimelineEvents.Event("initiative.edited", "initiative.edited", string.Join('\n', changes)));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved in between: keep this person's text on screen, and show them the other version's state.
            ModelState.AddModelError(string.Empty, l["En anden har gemt ændringer i initiativet, mens du redigerede. Din tekst er bevaret herunder – tjek initiativet i et andet faneblad, og gem igen, hvis din version skal gælde."]);
            Input.Version = await db.Initiatives.AsNoTracking().Where(i => i.Id == id).Select(i => i.Version).SingleAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Success"] = l["Initiativet er gemt."].Value;
        return Redirect($"/initiativer/{id}");
    }

    private static string NormaliseRules(string rules) =>
        string.Join('\n', rules.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
