using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Goals;

public class EditModel(AppDbContext db, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();
    public DevelopmentPlatform Platform { get; private set; } = null!;
    public int GoalId { get; private set; }

    /// <summary>"Vælg en anden slags" was followed: the page asks which kind before the fields.</summary>
    public bool ChoosingKind { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? art)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        if (await LoadAsync(goal) is { } refused) return refused;
        Input = GoalInput.From(goal);
        if (Enum.TryParse<GoalKind>(art, out var kind) && Enum.IsDefined(kind))
        {
            Input.Kind = kind;
        }
        else if (Request.Query.ContainsKey("art"))
        {
            ChoosingKind = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == id, cancellationToken: ct);
        if (goal is null) return NotFound();
        if (await LoadAsync(goal) is { } refused) return refused;
        Input.Validate(ModelState, l);
        if (goal.Kind == GoalKind.Quantitative && Input.Kind == GoalKind.Quantitative && Samskab.Web.Features.Meetings.MeetingInput.ParseDate(Input.BaselineDate) is { } baseline
            && await db.GoalMeasurements.AnyAsync(m => m.GoalId == id && m.MeasuredOn < baseline, cancellationToken: ct))
        {
            ModelState.AddModelError("Input.BaselineDate", l["Der er målinger fra før denne dato. Baseline skal ligge før den første måling."]);
        }
        if (!ModelState.IsValid) return Page();
        db.Entry(goal).Property(g => g.Version).OriginalValue = Input.Version;
        Input.ApplyTo(goal);
        goal.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["En anden har ændret målet, mens du redigerede. Din tekst er bevaret herunder – genindlæs siden for at se den anden version, og gem igen, hvis din skal gælde."]);
            Input.Version = await db.Goals.AsNoTracking().Where(g => g.Id == id).Select(g => g.Version).SingleAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Success"] = l["Målet er gemt."].Value;
        return Redirect($"/maal/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Goal goal)
    {
        var (platform, _, canEdit) = await GoalAccess.CheckAsync(this, db, auth, goal.PlatformId);
        if (platform is null) return NotFound();
        if (!canEdit) return this.Refuse();
        (Platform, GoalId) = (platform, goal.Id);
        return null;
    }
}
