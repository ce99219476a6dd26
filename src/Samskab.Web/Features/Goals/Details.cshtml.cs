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

namespace Samskab.Web.Features.Goals;

public class DetailsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Goal Goal { get; private set; } = null!;
    public DevelopmentPlatform Platform { get; private set; } = null!;
    public IReadOnlyList<GoalMeasurement> Measurements { get; private set; } = [];
    public IReadOnlyList<GoalObservation> Observations { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public GoalStatus? Status { get; set; }
    [BindProperty] public string? StatusReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostMeasurementAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanEdit) return this.Refuse();
        if (Goal.Kind != GoalKind.Quantitative) return this.ProblemAt(nameof(Value), l["Kun kvantitative mål har målinger."]);
        if (!Goal.HasBaseline) return this.ProblemAt(nameof(Value), l["Målet mangler en baseline. Tilføj den først, så målingerne kan sammenlignes med noget."]);
        var date = MeetingInput.ParseDate(Date);
        var value = GoalInput.ParseNumber(Value);
        if (date is null) ModelState.AddModelError(nameof(Date), l["Skriv en dato, fx 2027-03-18."]);
        else if (date < Goal.BaselineDate) ModelState.AddModelError(nameof(Date), l["Målingen ligger før baseline ({0}). Vælg en senere dato.", Goal.BaselineDate!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
        else if (date > DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime)) ModelState.AddModelError(nameof(Date), l["En måling kan ikke ligge i fremtiden."]);
        if (value is null) ModelState.AddModelError(nameof(Value), l["Skriv et tal, fx 12 eller 12,5."]);
        if (Note?.Length > 1000) ModelState.AddModelError(nameof(Note), l["Noten må højst være 1000 tegn."]);
        if (!ModelState.IsValid) return Page();
        db.GoalMeasurements.Add(new GoalMeasurement { GoalId = id, MeasuredOn = date!.Value, Value = value!.Value, Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), ByName = ByName, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Målingen er gemt."].Value;
        return Redirect($"/maal/{id}");
    }

    public async Task<IActionResult> OnPostObservationAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanEdit) return this.Refuse();
        var date = MeetingInput.ParseDate(Date);
        if (string.IsNullOrWhiteSpace(Text)) ModelState.AddModelError(nameof(Text), l["Skriv, hvad I har iagttaget."]);
        else if (Text.Length > 4000) ModelState.AddModelError(nameof(Text), l["Feltet må højst være 4000 tegn."]);
        if (date is null) ModelState.AddModelError(nameof(Date), l["Skriv en dato, fx 2027-03-18."]);
        if (!ModelState.IsValid) return Page();
        db.GoalObservations.Add(new GoalObservation { GoalId = id, ObservedOn = date!.Value, Text = Text!.Trim(), ByName = ByName, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Iagttagelsen er gemt."].Value;
        return Redirect($"/maal/{id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanEdit) return this.Refuse();
        if (Status is not { } status || !Enum.IsDefined(status)) return this.ProblemAt(nameof(Status), l["Vælg en status."]);
        if (status is GoalStatus.Dropped or GoalStatus.Behind && string.IsNullOrWhiteSpace(StatusReason)) return this.ProblemAt(nameof(StatusReason), l["Skriv hvorfor – det hjælper de andre platforme og baglandet."]);
        if (StatusReason?.Length > 2000) return this.ProblemAt(nameof(StatusReason), l["Begrundelsen må højst være 2000 tegn."]);
        var goal = await db.Goals.SingleAsync(g => g.Id == id, cancellationToken: ct);
        goal.Status = status;
        goal.StatusReason = string.IsNullOrWhiteSpace(StatusReason) ? null : StatusReason.Trim();
        goal.Version++;
        db.Append(User, clock.GetUtcNow(), Platform.InitiativeId, Platform.Id, TimelineEvents.Event("goal.status", "goal.status", goal.Title, GoalText.Status(status)), goal.StatusReason);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Status er gemt."].Value;
        return Redirect($"/maal/{id}");
    }

    private string ByName => User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "";


    private async Task<IActionResult?> LoadAsync(int id)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        var (platform, canRead, canEdit) = await GoalAccess.CheckAsync(this, db, auth, goal.PlatformId);
        if (!canRead) return this.Refuse();
        (Goal, Platform, CanEdit) = (goal, platform!, canEdit);
        Measurements = await db.GoalMeasurements.AsNoTracking().Where(m => m.GoalId == id).OrderBy(m => m.MeasuredOn).ToListAsync();
        Observations = await db.GoalObservations.AsNoTracking().Where(o => o.GoalId == id).OrderByDescending(o => o.ObservedOn).ToListAsync();
        Date ??= DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Status ??= goal.Status;
        return null;
    }
}
