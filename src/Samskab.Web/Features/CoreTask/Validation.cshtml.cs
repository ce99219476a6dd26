using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>
/// The validation round (seed 000: "the perspectives and input are gathered and validated by all the actors"): every
/// participant says of each insight whether they agree, partly agree or disagree, with a comment, and sees how the
/// others answered.
/// </summary>
public class ValidationModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ValidationInput
    {
        public int InsightId { get; set; }
        public InsightVerdict? Verdict { get; set; }
        public string? Comment { get; set; }
    }

    public sealed record Item(int Id, string Title, int Count, int Agree, int Partly, int Disagree, InsightVerdict? Mine, string? MyComment);

    public sealed record Answer(int InsightId, string Name, CoreTaskRole Role, InsightVerdict Verdict, string Comment);

    public CoreTaskHead Head { get; private set; } = null!;
    public bool CanValidate { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public ILookup<int, InsightsModel.Note> Notes { get; private set; } = Array.Empty<InsightsModel.Note>().ToLookup(n => 0);
    public ILookup<int, Answer> Comments { get; private set; } = Array.Empty<Answer>().ToLookup(a => 0);
    public int Total { get; private set; }
    public int Participants { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public const int PerPage = 20;

    [BindProperty] public ValidationInput Validation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? side, CancellationToken ct) => await LoadAsync(id, side, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? side, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, ct) is { } refused) return refused;
        // Only the process's own participants validate its insights; an insight of another process is refused.
        if (!CanValidate || Head.MeId is not int me) return this.Refuse();
        var insight = await db.CoreTaskInsights.Where(i => i.Id == Validation.InsightId && i.ProcessId == id)
            .Select(i => new { i.Id, Count = db.CoreTaskMaterials.Count(m => m.ProcessId == id && m.InsightId == i.Id) }).SingleOrDefaultAsync(ct);
        if (insight is null) return NotFound();
        var comment = Validation.Comment?.Trim() ?? "";
        if (insight.Count == 0)
        {
            ModelState.AddModelError($"verdict-{insight.Id}", l["Indsigten er tom. Den skal hvile på materiale, før den kan valideres."]);
        }
        else if (Validation.Verdict is not { } verdict || !Enum.IsDefined(verdict))
        {
            ModelState.AddModelError($"verdict-{insight.Id}", l["Vælg, om du er enig, delvis enig eller uenig."]);
        }
        else if (verdict != InsightVerdict.Agree && comment.Length == 0)
        {
            ModelState.AddModelError($"comment-{insight.Id}", l["Skriv, hvad du ikke er enig i, så gruppen kan bruge det."]);
        }
        if (comment.Length > CoreTaskRules.CommentLength)
        {
            ModelState.AddModelError($"comment-{insight.Id}", l["Kommentaren må højst være {0} tegn.", CoreTaskRules.CommentLength]);
        }
        if (!ModelState.IsValid) return Page();

        var existing = await db.InsightValidations.SingleOrDefaultAsync(v => v.InsightId == insight.Id && v.ParticipantId == me, ct);
        if (existing is null)
        {
            existing = new InsightValidation { InsightId = insight.Id, ParticipantId = me };
            db.InsightValidations.Add(existing);
        }
        existing.Verdict = Validation.Verdict!.Value;
        existing.Comment = comment.Length == 0 ? null : comment;
        existing.At = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person answering twice at once from two tabs: the first answer stands; show the page again.
            ModelState.AddModelError($"verdict-{insight.Id}", l["Dit svar blev gemt fra et andet vindue i samme øjeblik. Se det nedenfor, og ret det, hvis det skal."]);
            db.ChangeTracker.Clear();
            await LoadAsync(id, side, ct);
            return Page();
        }
        TempData["Success"] = l["Dit svar er gemt: {0}.", CoreTaskRules.Verdict(existing.Verdict, l).ToLowerInvariant()].Value;
        return Redirect($"/kerneopgave/{id}/validering{(PageNumber > 1 ? "?side=" + PageNumber : "")}#v-{insight.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, int? side, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        CanValidate = Head.MeId is not null && await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.ValidateInsight);
        Participants = await db.CoreTaskParticipants.CountAsync(p => p.ProcessId == id, ct);
        Total = await db.CoreTaskInsights.CountAsync(i => i.ProcessId == id, ct);
        PageCount = Math.Max(1, (Total + PerPage - 1) / PerPage);
        PageNumber = Math.Clamp(side ?? 1, 1, PageCount);
        var me = Head.MeId ?? 0;
        Items = await db.CoreTaskInsights.Where(i => i.ProcessId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PerPage).Take(PerPage)
            .Select(i => new Item(i.Id, i.Title,
                db.CoreTaskMaterials.Count(m => m.ProcessId == id && m.InsightId == i.Id),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Agree),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Partly),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Disagree),
                db.InsightValidations.Where(v => v.InsightId == i.Id && v.ParticipantId == me).Select(v => (InsightVerdict?)v.Verdict).FirstOrDefault(),
                db.InsightValidations.Where(v => v.InsightId == i.Id && v.ParticipantId == me).Select(v => v.Comment).FirstOrDefault()))
            .ToListAsync(ct);
        var ids = Items.Select(i => i.Id).ToList();
        Notes = await InsightsModel.NotesAsync(db, id, ids, 0, PerPage * InsightsModel.PerGroup, ct);
        Comments = (await db.InsightValidations.Where(v => ids.Contains(v.InsightId) && v.Comment != null && v.ParticipantId != me)
            .OrderBy(v => v.At).ThenBy(v => v.Id)
            .Select(v => new { v.InsightId, v.Participant!.Name, v.Participant.Role, v.Verdict, v.Comment })
            .ToListAsync(ct))
            .Select(v => new Answer(v.InsightId, v.Name, v.Role, v.Verdict, v.Comment!)).ToLookup(a => a.InsightId);
        return null;
    }
}
