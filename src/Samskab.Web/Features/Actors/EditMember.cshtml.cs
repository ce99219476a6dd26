using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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
public class EditMemberModel(AppDbContext db, IAuthorizationService auth, RoleResolver roles, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
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

    /// <summary>Why name, e-mail and phone cannot be changed here, or null when they can.</summary>
    public string? IdentityLockedReason { get; private set; }

    /// <summary>Why title and organisation cannot be changed here (the person is also in an initiative the editor does not manage).</summary>
    public string? DetailsLockedReason { get; private set; }

    /// <summary>Why the role cannot be changed here (one's own, or someone above one's own rank).</summary>
    public string? RoleLockedReason { get; private set; }
    public IReadOnlyList<InitiativeRole> GrantableRoles { get; private set; } = [];
    public bool CanGrantWorkingGroup { get; private set; }
    public string? StoredEmail { get; private set; }
    public string? StoredPhone { get; private set; }
    public string? StoredTitle { get; private set; }
    public string? StoredOrganisation { get; private set; }

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
            SharesContactDetails = member.SharesContactDetails,
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

    public async Task<IActionResult> OnPostAsync(int id, int memberId, CancellationToken ct)
    {
        var member = await db.InitiativeMembers.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == memberId && m.InitiativeId == id, cancellationToken: ct);
        if (member is null) return NotFound();
        if (await LoadAsync(id, member) is { } refused) return refused;
        var person = member.Person!;
        if (IdentityLockedReason is not null)
        {
            // Not this page's to change: keep what is stored, whatever was posted.
            (Input.Name, Input.Email, Input.Phone) = (person.Name, person.Email, person.Phone);
            foreach (var key in new[] { "Input.Name", "Input.Email", "Input.Phone" })
            {
                ModelState.Remove(key);
            }
        }
        if (DetailsLockedReason is not null)
        {
            (Input.Title, Input.OrganisationId) = (person.Title, person.OrganisationId);
            ModelState.Remove("Input.Title");
            ModelState.Remove("Input.OrganisationId");
        }
        var rolePosted = Request.HasFormContentType && (Request.Form.ContainsKey("Input.Role") || Request.Form.ContainsKey("Input.InWorkingGroup"));
        if (RoleLockedReason is not null && !rolePosted)
        {
            (Input.Role, Input.InWorkingGroup) = (member.Role, member.InWorkingGroup);
        }
        if (Input.OrganisationId is int orgId && !Organisations.Any(o => o.Id == orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", l["Vælg en organisation fra listen."]);
        }
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.Role", l["Vælg en rolle."]);
        }
        else if (ActorRules.RoleChangeProblem(await roles.RolesAsync(User, AccessScope.ForInitiative(id), ct), User.FindFirstValue(ClaimTypes.NameIdentifier),
            person.UserId, member.Role, member.InWorkingGroup, Input.Role, Input.InWorkingGroup) is { } roleProblem)
        {
            ModelState.AddModelError("Input.Role", l[roleProblem]);
        }
        if (member.Role == InitiativeRole.AnchorPerson && Input.Role != InitiativeRole.AnchorPerson
            && !await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == id && m.Id != memberId && m.Role == InitiativeRole.AnchorPerson, cancellationToken: ct))
        {
            ModelState.AddModelError("Input.Role", l["Initiativet skal have mindst én ankerperson."]);
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        db.Entry(person).Property(p => p.Version).OriginalValue = Input.PersonVersion;
        if (IdentityLockedReason is null)
        {
            person.Name = Input.Name.Trim();
            person.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
            person.Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim();
        }
        if (DetailsLockedReason is null)
        {
            person.Title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title.Trim();
            person.OrganisationId = Input.OrganisationId;
        }
        person.Version++;
        if (member.SharesContactDetails != Input.SharesContactDetails)
        {
            // Consent is explicit, dated and per initiative; the history is appended, never rewritten.
            member.SharesContactDetails = Input.SharesContactDetails;
            member.ContactConsentChangedAt = now;
            db.ContactConsents.Add(new ContactConsent { PersonId = person.Id, InitiativeId = id, Given = Input.SharesContactDetails, At = now, RecordedBy = ActorRules.RecorderName(User) });
            db.Append(User, now, id, null, TimelineEvents.Event("actor.consent", Input.SharesContactDetails ? "actor.consent.given" : "actor.consent.withdrawn", person.Name));
        }
        if (member.Role != Input.Role || member.InWorkingGroup != Input.InWorkingGroup)
        {
            db.Append(User, now, id, null, TimelineEvents.Event("actor.role", Input.InWorkingGroup ? "actor.role.wg" : "actor.role", person.Name, ActorText.Role(Input.Role)));
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
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["En anden har ændret aktøren, mens du redigerede. Din tekst er bevaret herunder – genindlæs siden for at se den anden version, og gem igen, hvis din skal gælde."]);
            Input.PersonVersion = await db.People.AsNoTracking().Where(p => p.Id == person.Id).Select(p => p.Version).SingleAsync(ct);
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
        var person = member.Person!;
        Title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleAsync();
        Organisations = await db.Organisations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
        ConsentHistory = await db.ContactConsents.Where(c => c.PersonId == member.PersonId && c.InitiativeId == id).OrderByDescending(c => c.At)
            .Select(c => new ConsentRow(c.Given, c.At, c.RecordedBy)).ToListAsync();
        var coordinator = l["Tovholder"].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture);
        Platforms = (await db.PlatformMembers.Where(pm => pm.PersonId == member.PersonId && pm.LeftOn == null && pm.Platform!.InitiativeId == id)
            .Select(pm => new { pm.Platform!.Name, pm.IsCoordinator }).ToListAsync())
            .Select(p => p.IsCoordinator ? $"{p.Name} ({coordinator})" : p.Name).ToList();
        var managesAll = await ActorRules.ManagesAllInitiativesOfAsync(db, User, person.Id);
        DetailsLockedReason = managesAll ? null : (string)l["{0} er også med i et initiativ, du ikke er ankerperson eller i arbejdsgruppen for. Titel, organisation og kontaktoplysninger retter personen selv eller en administrator.", person.Name];
        IdentityLockedReason = person.UserId is not null
            ? (string)l["{0} har en konto og retter selv navn, e-mail og telefon på sin kontoside.", person.Name]
            : DetailsLockedReason;
        var editor = await roles.RolesAsync(User, AccessScope.ForInitiative(id));
        var rank = ActorRules.RankOf(editor);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        RoleLockedReason = me is not null && me == person.UserId ? (string)l["Du kan ikke ændre din egen rolle. Bed en anden ankerperson eller en administrator om det."]
            : ActorRules.RankOf(member.Role, member.InWorkingGroup) > rank ? (string)l["Du kan ikke ændre rollen for en, der har en højere rolle end dig."]
            : null;
        GrantableRoles = new[] { InitiativeRole.Actor, InitiativeRole.AnchorPerson, InitiativeRole.Observer }.Where(r => ActorRules.RankOf(r, false) <= rank).ToList();
        CanGrantWorkingGroup = rank >= ActorRules.RankOf(InitiativeRole.Actor, true);
        (StoredEmail, StoredPhone, StoredTitle) = (person.Email, person.Phone, person.Title);
        StoredOrganisation = Organisations.FirstOrDefault(o => o.Id == person.OrganisationId)?.Name;
        return null;
    }
}
