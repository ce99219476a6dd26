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

namespace Samskab.Web.Features.CoreTask;

/// <summary>Sets up a core-task process for a unit; the one who sets it up is its first owner.</summary>
public class CreateModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ProcessInput
    {
        [Required(ErrorMessage = "Skriv, hvilken enhed kerneopgaven gælder.")]
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Enhedens navn må højst være 160 tegn.")]
        public string UnitName { get; set; } = "";

        [StringLength(CoreTaskRules.DescriptionLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string? Description { get; set; }

        public int? InitiativeId { get; set; }
        public bool BlankCanvas { get; set; }
        public CoreTaskRole MyRole { get; set; } = CoreTaskRole.Leader;
    }

    public sealed record InitiativeOption(int Id, string Title);

    [BindProperty] public ProcessInput Input { get; set; } = new();
    public IReadOnlyList<InitiativeOption> Initiatives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Enum.IsDefined(Input.MyRole))
        {
            ModelState.AddModelError("Input.MyRole", l["Vælg din rolle i forløbet."]);
        }
        if (Input.InitiativeId is int iid && Initiatives.All(i => i.Id != iid))
        {
            ModelState.AddModelError("Input.InitiativeId", l["Vælg et initiativ, du er ankerperson for, eller intet initiativ."]);
        }
        if (!ModelState.IsValid) return Page();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var process = new CoreTaskProcess
        {
            UnitName = Input.UnitName.Trim(),
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            InitiativeId = Input.InitiativeId,
            BlankCanvas = Input.BlankCanvas,
            CreatedAt = now,
            CreatedByUserId = userId,
            Participants = [new CoreTaskParticipant { UserId = userId, Name = name, Role = Input.MyRole, IsOwner = true, AddedAt = now }],
        };
        db.CoreTaskProcesses.Add(process);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Forløbet er oprettet. Invitér nu deltagerne: borgere, medarbejdere, ledere, politikere og gerne en joker."].Value;
        return Redirect($"/kerneopgave/{process.Id}/deltagere");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.CreateCoreTaskProcess)) return this.Refuse();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var all = User.IsInRole(RoleNames.Administrator);
        Initiatives = await db.Initiatives
            .Where(i => all || db.InitiativeMembers.Any(m => m.InitiativeId == i.Id && m.Role == InitiativeRole.AnchorPerson && m.Person!.UserId == userId))
            .OrderBy(i => i.Title).Select(i => new InitiativeOption(i.Id, i.Title)).ToListAsync(ct);
        return null;
    }
}
