using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Goals;

public class CreateModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();
    public DevelopmentPlatform Platform { get; private set; } = null!;

    /// <summary>The first step: no kind chosen yet, so the page asks which.</summary>
    public bool ChoosingKind { get; private set; }

    public async Task<IActionResult> OnGetAsync(int platformId, string? art)
    {
        if (await LoadAsync(platformId) is { } refused) return refused;
        if (Enum.TryParse<GoalKind>(art, out var kind) && Enum.IsDefined(kind))
        {
            Input.Kind = kind;
        }
        else
        {
            ChoosingKind = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int platformId, CancellationToken ct)
    {
        if (await LoadAsync(platformId) is { } refused) return refused;
        Input.Validate(ModelState, l);
        if (!ModelState.IsValid) return Page();
        var goal = new Goal { PlatformId = platformId, Title = "", CreatedAt = clock.GetUtcNow() };
        Input.ApplyTo(goal);
        db.Goals.Add(goal);
        db.Append(User, clock.GetUtcNow(), Platform.InitiativeId, platformId, TimelineEvents.Event("goal.created", "goal.created", Platform.Name, goal.Title, GoalText.Kind(goal.Kind)));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = goal.HasBaseline ? l["Målet er gemt."].Value : l["Målet er gemt, men tæller først som sat, når det har en baseline."].Value;
        return Redirect($"/maal/{goal.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int platformId)
    {
        var (platform, _, canEdit) = await GoalAccess.CheckAsync(this, db, auth, platformId);
        if (platform is null) return NotFound();
        if (!canEdit) return this.Refuse();
        Platform = platform;
        return null;
    }
}
