using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Actors;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

[Authorize]
public class CreateModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
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
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.CreateInitiative))
        {
            return this.Refuse();
        }
        Input.StartDate = DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.CreateInitiative))
        {
            return this.Refuse();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var person = await db.People.OrderBy(p => p.Id).FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken: ct);
        if (person is null)
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken: ct);
            person = new Person { Name = user.DisplayName, Email = user.Email, UserId = userId, CreatedAt = now };
            db.People.Add(person);
        }
        var initiative = new Initiative
        {
            Title = Input.Title.Trim(),
            SharedChallenge = Input.SharedChallenge.Trim(),
            Description = Input.Description?.Trim(),
            StartDate = Input.StartDate!.Value,
            CreatedAt = now,
        };
        initiative.Members.Add(new InitiativeMember { Person = person, Role = InitiativeRole.AnchorPerson, InWorkingGroup = true, AddedAt = now });
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        db.Append(User, now, initiative.Id, null, TimelineEvents.Event("initiative.created", "initiative.created", initiative.Title, person.Name));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Initiativet er oprettet. Tilføj nu organisationer, aktører og udviklingsplatforme."].Value;
        return Redirect($"/initiativer/{initiative.Id}");
    }
}
