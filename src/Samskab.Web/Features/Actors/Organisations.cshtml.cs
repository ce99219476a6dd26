using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Actors;

/// <summary>The organisations the actors come from, with type and contact details. Shared across initiatives.</summary>
public class OrganisationsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "Skriv organisationens navn.")]
        [StringLength(200, ErrorMessage = "Organisationens navn må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vælg organisationens type.")]
        public OrganisationType? Type { get; set; }

        [StringLength(300, ErrorMessage = "Adressen må højst være 300 tegn.")]
        public string? Address { get; set; }

        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string? Email { get; set; }

        [StringLength(40, ErrorMessage = "Telefonnummeret må højst være 40 tegn.")]
        public string? Phone { get; set; }

        [Url(ErrorMessage = "Skriv en hel webadresse, fx https://eksempel.dk.")]
        [StringLength(300, ErrorMessage = "Webadressen må højst være 300 tegn.")]
        public string? Website { get; set; }
    }

    public sealed record Row(int Id, string Name, OrganisationType Type, string? Address, string? Email, string? Phone, int People);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public Page<Row> Organisations { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(int? edit, int? side)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.ManageActors)) return this.Refuse();
        if (edit is int id && await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id) is { } o)
        {
            Input = new InputModel { Id = o.Id, Name = o.Name, Type = o.Type, Address = o.Address, Email = o.Email, Phone = o.Phone, Website = o.Website };
        }
        await LoadAsync(side);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.ManageActors)) return this.Refuse();
        var name = Input.Name?.Trim() ?? "";
        if (!string.IsNullOrEmpty(name) && await OrganisationStore.FindAsync(db, name) is int same && same != (Input.Id ?? 0))
        {
            ModelState.AddModelError("Input.Name", l["Der findes allerede en organisation med det navn."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(null);
            return Page();
        }
        var organisation = Input.Id is int id ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken: ct) : null;
        if (Input.Id is not null && organisation is null) return NotFound();
        organisation ??= db.Organisations.Add(new Organisation { Name = name, CreatedAt = clock.GetUtcNow() }).Entity;
        organisation.Name = name;
        organisation.Type = Input.Type!.Value;
        organisation.Address = Input.Address?.Trim();
        organisation.Email = Input.Email?.Trim();
        organisation.Phone = Input.Phone?.Trim();
        organisation.Website = Input.Website?.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved an organisation with the same name a moment ago (the name is unique).
            db.Entry(organisation).State = organisation.Id == 0 ? EntityState.Detached : EntityState.Unchanged;
            ModelState.AddModelError("Input.Name", l["Der findes allerede en organisation med det navn."]);
            await LoadAsync(null);
            return Page();
        }
        TempData["Success"] = l["{0} er gemt.", organisation.Name].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(int? side)
    {
        var query = db.Organisations.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var term = TextSearch.Term(q);
            query = query.Where(o => TextSearch.Fold(o.Name)!.Contains(term));
        }
        Organisations = await query.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Type, o.Address, o.Email, o.Phone, db.People.Count(p => p.OrganisationId == o.Id)))
            .ToPageAsync(side);
    }
}
