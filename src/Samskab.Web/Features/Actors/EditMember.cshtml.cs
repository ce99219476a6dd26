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

/// <summary>One actor in an initiative: contact details, consent, role, stakeholder mapping and onboarding.</summary>
public class EditMemberModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int PersonVersion { get; set; }

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
        public InitiativeRole Role { get; set; }
        public bool InWorkingGroup { get; set; }
        public bool SharesContactDetails { get; set; }

        [StringLength(2000, ErrorMessage = "Feltet må højst være 2000 tegn.")]
        public string? Interest { get; set; }

        public Influence? Influence { get; set; }
        public Stance? Stance { get; set; }
        public Necessity? Necessity { get; set; }
        public Involvement? PlannedInvolvement { get; set; }
        public DateOnly? PreMeetingOn { get; set; }
        public DateOnly? MethodIntroducedOn { get; set; }
        public DateOnly? ChallengeIntroducedOn { get; set; }
        public DateOnly? JointPlatformIntroducedOn { get; set; }
    }

    public sealed record Choice(int Id, string Name);
    public sealed record ConsentRow(bool Given, DateTimeOffset At, string RecordedBy);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];
    public IReadOnlyList<ConsentRow> ConsentHistory { get; private set; } = [];
    public IReadOnlyList<string> Platforms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        var member = await db.InitiativeMembers.AsNoTracking().Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == memberId && m.InitiativeId == id);
        if (member is null) return NotFound();
        if (await LoadAsync(id, member) is { } refused) return refused;
        var p = member.Person!;
        Input = new InputModel
        {
            PersonVersion = p.Version,
            Name = p.Name,
            Title = p.Title,
            Email = p.Email,
            Phone = p.Phone,
            OrganisationId = p.OrganisationId,
            Role = member.Role,
            InWorkingGroup = member.InWorkingGroup,
            SharesContactDetails = p.SharesContactDetails,
            Interest = member.Interest,
            Influence = member.Influence,
            Stance = member.Stance,
            Necessity = member.Necessity,
            PlannedInvolvement = member.PlannedInvolvement,
            PreMeetingOn = member.PreMeetingOn,
            MethodIntroducedOn = member.MethodIntroducedOn,
            ChallengeIntroducedOn = member.ChallengeIntroducedOn,
            JointPlatformIntroducedOn = member.JointPlatformIntroducedOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        var member = await db.InitiativeMembers.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == memberId && m.InitiativeId == id);
        if (member is null) return NotFound();
        if (await LoadAsync(id, member) is { } refused) return refused;
        if (Input.OrganisationId is int orgId && !Organisations.Any(o => o.Id == orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", l["Vælg en organisation fra listen."]);
        }
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.Role", l["Vælg en rolle."]);
        }
        if (member.Role == InitiativeRole.AnchorPerson && Input.Role != InitiativeRole.AnchorPerson
            && !await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == id && m.Id != memberId && m.Role == InitiativeRole.AnchorPerson))
        {
            ModelState.AddModelError("Input.Role", l["Initiativet skal have mindst én ankerperson."]);
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var person = member.Person!;
        db.Entry(person).Property(p => p.Version).OriginalValue = Input.PersonVersion;
        person.Name = Input.Name.Trim();
        person.Title = Input.Title?.Trim();
        person.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        person.Phone = Input.Phone?.Trim();
        person.OrganisationId = Input.OrganisationId;
        person.Version++;
        if (person.SharesContactDetails != Input.SharesContactDetails)
        {
            // Consent is explicit and dated; the history is appended, never rewritten.
            person.SharesContactDetails = Input.SharesContactDetails;
            person.ContactConsentChangedAt = now;
            db.ContactConsents.Add(new ContactConsent { PersonId = person.Id, Given = Input.SharesContactDetails, At = now, RecordedBy = User.Identity?.Name ?? "" });
            db.Append(User, now, id, null, "actor.consent", Input.SharesContactDetails
                ? $"{person.Name} har givet samtykke til at dele kontaktoplysninger."
                : $"{person.Name} har trukket samtykket til at dele kontaktoplysninger tilbage.");
        }
        if (member.Role != Input.Role || member.InWorkingGroup != Input.InWorkingGroup)
        {
            db.Append(User, now, id, null, "actor.role", $"{person.Name} er nu {ActorText.Role(Input.Role).ToLowerInvariant()}{(Input.InWorkingGroup ? " og i arbejdsgruppen" : "")}.");
        }
        member.Role = Input.Role;
        member.InWorkingGroup = Input.InWorkingGroup;
        member.Interest = Input.Interest?.Trim();
        member.Influence = Input.Influence;
        member.Stance = Input.Stance;
        member.Necessity = Input.Necessity;
        member.PlannedInvolvement = Input.PlannedInvolvement;
        member.PreMeetingOn = Input.PreMeetingOn;
        member.MethodIntroducedOn = Input.MethodIntroducedOn;
        member.ChallengeIntroducedOn = Input.ChallengeIntroducedOn;
        member.JointPlatformIntroducedOn = Input.JointPlatformIntroducedOn;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["En anden har ændret aktøren, mens du redigerede. Din tekst er bevaret herunder – genindlæs siden for at se den anden version, og gem igen, hvis din skal gælde."]);
            Input.PersonVersion = await db.People.AsNoTracking().Where(p => p.Id == person.Id).Select(p => p.Version).SingleAsync();
            ModelState.Remove("Input.PersonVersion");
            return Page();
        }
        TempData["Success"] = l["{0} er gemt.", person.Name].Value;
        return Redirect($"/initiativer/{id}/aktoerer");
    }

    private async Task<IActionResult?> LoadAsync(int id, InitiativeMember member)
    {
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ManageActors)) return this.Refuse();
        Id = id;
        MemberId = member.Id;
        Title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleAsync();
        Organisations = await db.Organisations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
        ConsentHistory = await db.ContactConsents.Where(c => c.PersonId == member.PersonId).OrderByDescending(c => c.At)
            .Select(c => new ConsentRow(c.Given, c.At, c.RecordedBy)).ToListAsync();
        Platforms = await db.PlatformMembers.Where(pm => pm.PersonId == member.PersonId && pm.LeftOn == null && pm.Platform!.InitiativeId == id)
            .Select(pm => pm.Platform!.Name + (pm.IsCoordinator ? " (tovholder)" : "")).ToListAsync();
        return null;
    }
}
