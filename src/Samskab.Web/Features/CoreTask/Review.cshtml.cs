using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The owners' review of what citizens sent through a link: taken into the material, where every participant
/// sees it, or refused (kept as history, shown nowhere).</summary>
public class ReviewModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Shown = 50;

    public sealed record Row(int Id, MaterialKind Kind, string Text, string? Question, string? PhotoKey, List<string> WhySteps, string? UnderlyingNeed, string Author, DateTimeOffset At);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] int material, [FromForm] bool take, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var row = await db.CoreTaskMaterials.IgnoreQueryFilters()
            .SingleOrDefaultAsync(m => m.Id == material && m.ProcessId == id && m.PendingReview && m.RejectedAt == null, ct);
        if (row is null) return NotFound();
        if (take)
        {
            row.PendingReview = false;
        }
        else
        {
            row.RejectedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        TempData["Success"] = (take ? l["Bidraget er taget med i materialet."] : l["Bidraget er afvist. Det vises ikke."]).Value;
        return Redirect($"/kerneopgave/{id}/gennemsyn");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        if (!await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.ReviewCoreTaskContributions)) return this.Refuse();
        var waiting = db.CoreTaskMaterials.IgnoreQueryFilters().Where(m => m.ProcessId == id && m.PendingReview && m.RejectedAt == null);
        Total = await waiting.CountAsync(ct);
        Waiting = (await waiting.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(Shown)
            .Select(m => new { m.Id, m.Kind, m.Text, m.Question, m.PhotoKey, m.WhySteps, m.UnderlyingNeed, Author = m.Author!.Name, m.CreatedAt }).ToListAsync(ct))
            .Select(m => new Row(m.Id, m.Kind, m.Text, m.Question, m.PhotoKey, m.WhySteps, m.UnderlyingNeed, m.Author, m.CreatedAt)).ToList();
        return null;
    }
}
