using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Ripples;

/// <summary>Registering a ripple: a few fields, sensible defaults, done in under a minute on a phone.</summary>
public class RegisterModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv, hvad der skete.")]
        [StringLength(2000, ErrorMessage = "Beskrivelsen må højst være 2000 tegn.")]
        public string What { get; set; } = "";

        public string? HappenedOn { get; set; }
        public RippleCategory Category { get; set; } = RippleCategory.NewRelations;
        public RippleBeneficiary Beneficiary { get; set; } = RippleBeneficiary.Ourselves;
        public List<int> PlatformIds { get; set; } = [];
        public List<int> ActorIds { get; set; } = [];
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Choice> Platforms { get; private set; } = [];
    public IReadOnlyList<Choice> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? platform)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        Input.HappenedOn = DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (platform is int p && Platforms.Any(x => x.Id == p))
        {
            Input.PlatformIds = [p];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var happened = MeetingInput.ParseDate(Input.HappenedOn);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime);
        if (happened is null) ModelState.AddModelError("Input.HappenedOn", l["Skriv en dato, fx 2027-03-18."]);
        else if (happened > today) ModelState.AddModelError("Input.HappenedOn", l["En ring i vandet er sket – datoen kan ikke ligge i fremtiden."]);
        if (!Enum.IsDefined(Input.Category)) ModelState.AddModelError("Input.Category", l["Vælg en kategori."]);
        if (!Enum.IsDefined(Input.Beneficiary)) ModelState.AddModelError("Input.Beneficiary", l["Vælg, hvem der har gavn af det."]);
        if (Input.PlatformIds.Any(p => !Platforms.Any(x => x.Id == p)) || Input.ActorIds.Any(a => !People.Any(x => x.Id == a)))
        {
            ModelState.AddModelError(string.Empty, l["Vælg kun platforme og aktører fra initiativet."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var ripple = new Ripple
        {
            InitiativeId = id,
            What = Input.What.Trim(),
            HappenedOn = happened!.Value,
            Category = Input.Category,
            Beneficiary = Input.Beneficiary,
            ByName = User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "",
            ByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            CreatedAt = now,
            Platforms = Input.PlatformIds.Distinct().Select(p => new RipplePlatform { PlatformId = p }).ToList(),
            Actors = Input.ActorIds.Distinct().Select(a => new RippleActor { PersonId = a }).ToList(),
        };
        db.Ripples.Add(ripple);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Tak! Ringen i vandet er registreret."].Value;
        return Redirect(Input.PlatformIds.Count == 1 ? $"/platforme/{Input.PlatformIds[0]}" : $"/initiativer/{id}/ringe");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync();
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.RegisterRipple)) return this.Refuse();
        (Id, Title) = (id, title);
        Platforms = await db.Platforms.Where(p => p.InitiativeId == id && p.Status != PlatformStatus.Merged)
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync();
        People = await db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Role != InitiativeRole.Observer)
            .OrderBy(m => m.Person!.Name).Select(m => new Choice(m.PersonId, m.Person!.Name)).ToListAsync();
        return null;
    }
}
