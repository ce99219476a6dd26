using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Actors;

public class AddActorModel(AppDbContext db, IAuthorizationService auth, RoleResolver roles, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NewInput
    {
        [Required(ErrorMessage = "Skriv aktørens navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "Titlen må højst være 200 tegn.")]
        public string? Title { get; set; }

        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string? Email { get; set; }

        [StringLength(40, ErrorMessage = "Telefonnummeret må højst være 40 tegn.")]
        public string? Phone { get; set; }

        public int? OrganisationId { get; set; }

        [StringLength(200, ErrorMessage = "Organisationens navn må højst være 200 tegn.")]
        public string? NewOrganisation { get; set; }

        public OrganisationType? NewOrganisationType { get; set; }
        public InitiativeRole Role { get; set; } = InitiativeRole.Actor;
        public bool InWorkingGroup { get; set; }
        public bool SharesContactDetails { get; set; }
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public NewInput Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];
    public IReadOnlyList<Choice> OtherPeople { get; private set; } = [];

    /// <summary>The roles this person may give (none above their own).</summary>
    public IReadOnlyList<InitiativeRole> GrantableRoles { get; private set; } = [];
    public bool CanGrantWorkingGroup { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostExistingAsync(int id, int personId, InitiativeRole role)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        ModelState.Clear();
        // Only people of initiatives this person manages: an id from anywhere else is refused like an unknown one.
        var person = await ActorRules.AddablePeople(db, User, id).SingleOrDefaultAsync(p => p.Id == personId);
        if (person is null)
        {
            ModelState.AddModelError(string.Empty, l["Vælg en person fra listen."]);
            return Page();
        }
        if (!GrantableRoles.Contains(role))
        {
            ModelState.AddModelError(string.Empty, l["Du kan ikke give en højere rolle end din egen."]);
            return Page();
        }
        if (await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == id && m.PersonId == personId))
        {
            ModelState.AddModelError(string.Empty, l["Personen er allerede med i initiativet."]);
            return Page();
        }
        return await AddAsync(id, person, role, false, false);
    }

    public async Task<IActionResult> OnPostNewAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var hasNewOrg = !string.IsNullOrWhiteSpace(Input.NewOrganisation);
        if (hasNewOrg && Input.NewOrganisationType is null)
        {
            ModelState.AddModelError("Input.NewOrganisationType", l["Vælg organisationens type."]);
        }
        if (Input.OrganisationId is int orgId && !Organisations.Any(o => o.Id == orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", l["Vælg en organisation fra listen."]);
        }
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.Role", l["Vælg en rolle."]);
        }
        else if (!GrantableRoles.Contains(Input.Role) || (Input.InWorkingGroup && !CanGrantWorkingGroup))
        {
            ModelState.AddModelError("Input.Role", l["Du kan ikke give en højere rolle end din egen."]);
        }
        var email = Input.Email?.Trim();
        var normalized = email is null ? null : TextSearch.Term(email);
        if (!string.IsNullOrEmpty(email) && await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == id && TextSearch.Fold(m.Person!.Email) == normalized, cancellationToken: ct))
        {
            ModelState.AddModelError("Input.Email", l["En aktør med denne e-mailadresse er allerede med i initiativet."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        int? organisationId = Input.OrganisationId;
        if (hasNewOrg)
        {
            organisationId = await OrganisationStore.FindOrCreateAsync(db, Input.NewOrganisation!, Input.NewOrganisationType!.Value, now);
        }
        var person = new Person
        {
            Name = Input.Name.Trim(),
            Title = Input.Title?.Trim(),
            Email = string.IsNullOrEmpty(email) ? null : email,
            Phone = Input.Phone?.Trim(),
            OrganisationId = organisationId,
            // A new person of this initiative, linked to the account that owns the address (it was confirmed), so the
            // person can sign in and act. From then on the person keeps their own name, e-mail and phone.
            UserId = await AccountIdForAsync(email),
            CreatedAt = now,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return await AddAsync(id, person, Input.Role, Input.InWorkingGroup, Input.SharesContactDetails);
    }

    private async Task<string?> AccountIdForAsync(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync();
    }

    private async Task<IActionResult> AddAsync(int id, Person person, InitiativeRole role, bool workingGroup, bool consent)
    {
        var now = clock.GetUtcNow();
        var member = new InitiativeMember
        {
            InitiativeId = id,
            PersonId = person.Id,
            Role = role,
            InWorkingGroup = workingGroup,
            AddedAt = now,
            SharesContactDetails = consent,
            ContactConsentChangedAt = consent ? now : null,
        };
        db.InitiativeMembers.Add(member);
        if (consent)
        {
            db.ContactConsents.Add(new ContactConsent { PersonId = person.Id, InitiativeId = id, Given = true, At = now, RecordedBy = ActorRules.RecorderName(User) });
        }
        db.Append(User, now, id, null, TimelineEvents.Event("actor.added", "actor.added", person.Name, ActorText.Role(role)));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, l["Personen er allerede med i initiativet."]);
            return Page();
        }
        TempData["Success"] = l["{0} er tilføjet initiativet. Husk formødet og introduktionen til metoden.", person.Name].Value;
        return Redirect($"/initiativer/{id}/aktoerer/{member.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync();
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ManageActors)) return this.Refuse();
        (Id, Title) = (id, title);
        Organisations = await db.Organisations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
        var rank = ActorRules.RankOf(await roles.RolesAsync(User, AccessScope.ForInitiative(id)));
        GrantableRoles = new[] { InitiativeRole.Actor, InitiativeRole.AnchorPerson, InitiativeRole.Observer }.Where(r => ActorRules.RankOf(r, false) <= rank).ToList();
        CanGrantWorkingGroup = rank >= ActorRules.RankOf(InitiativeRole.Actor, true);
        OtherPeople = await ActorRules.AddablePeople(db, User, id)
            .OrderBy(p => p.Name).Take(500).Select(p => new Choice(p.Id, p.Name + (p.Organisation == null ? "" : ", " + p.Organisation.Name))).ToListAsync();
        return null;
    }
}
