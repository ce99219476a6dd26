using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Platforms;

public class CreateModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Giv platformen et navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Fokusområdet må højst være 2000 tegn.")]
        public string? FocusArea { get; set; }

        public List<int> MemberIds { get; set; } = [];
        public List<int> CoordinatorIds { get; set; } = [];
    }

    public sealed record PersonOption(int Id, string Name, string? Organisation);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<PersonOption> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var known = People.Select(p => p.Id).ToHashSet();
        Input.MemberIds = Input.MemberIds.Distinct().ToList();
        Input.CoordinatorIds = Input.CoordinatorIds.Distinct().ToList();
        if (Input.MemberIds.Concat(Input.CoordinatorIds).Any(p => !known.Contains(p)))
        {
            ModelState.AddModelError("Input.Name", l["Vælg kun aktører fra initiativet."]);
        }
        if (Input.CoordinatorIds.Any(c => !Input.MemberIds.Contains(c)))
        {
            ModelState.AddModelError("Input.Name", l["En tovholder skal også være medlem af platformen."]);
        }
        if (Input.CoordinatorIds.Count > 2)
        {
            ModelState.AddModelError("Input.Name", l["En platform har én eller to tovholdere."]);
        }
        if (!string.IsNullOrWhiteSpace(Input.Name) && await db.Platforms.AnyAsync(p => p.InitiativeId == id && p.Name == Input.Name.Trim() && p.Status != PlatformStatus.Closed && p.Status != PlatformStatus.Merged, cancellationToken: ct))
        {
            ModelState.AddModelError("Input.Name", l["Der er allerede en platform med det navn i initiativet."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var platform = new DevelopmentPlatform { InitiativeId = id, Name = Input.Name.Trim(), FocusArea = Input.FocusArea?.Trim(), CreatedAt = now };
        foreach (var personId in Input.MemberIds)
        {
            platform.Members.Add(new PlatformMember { PersonId = personId, IsCoordinator = Input.CoordinatorIds.Contains(personId), JoinedOn = today });
        }
        db.Platforms.Add(platform);
        await db.SaveChangesAsync(ct);
        var coordinators = People.Where(p => Input.CoordinatorIds.Contains(p.Id)).Select(p => p.Name).ToList();
        db.Append(User, now, id, platform.Id, TimelineEvents.PlatformCreated(platform.Name, Input.MemberIds.Count, coordinators));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Udviklingsplatformen {0} er oprettet.", platform.Name].Value;
        return Redirect($"/platforme/{platform.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync();
        if (title is null)
        {
            return NotFound();
        }
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.CreatePlatform))
        {
            return this.Refuse();
        }
        (Id, Title) = (id, title);
        People = await db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Role != InitiativeRole.Observer)
            .OrderBy(m => m.Person!.Name)
            .Select(m => new PersonOption(m.PersonId, m.Person!.Name, m.Person.Organisation!.Name))
            .ToListAsync();
        return null;
    }
}
