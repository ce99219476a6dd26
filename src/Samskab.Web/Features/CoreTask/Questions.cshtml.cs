using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>Phase 1: proposals for the good opening question, their discussion, and the one the owners choose.</summary>
public class QuestionsModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class QuestionInput
    {
        [Required(ErrorMessage = "Skriv spørgsmålet.")]
        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Spørgsmålet må højst være 500 tegn.")]
        public string Text { get; set; } = "";
    }

    public sealed class CommentInput
    {
        [Required(ErrorMessage = "Skriv din kommentar.")]
        [StringLength(CoreTaskRules.CommentLength, ErrorMessage = "Kommentaren må højst være 2000 tegn.")]
        public string Text { get; set; } = "";
    }

    public sealed record CommentRow(int QuestionId, string Author, CoreTaskRole Role, string Text, DateTimeOffset At);
    public sealed record QuestionRow(int Id, string Text, string Author, CoreTaskRole Role, DateTimeOffset At);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<QuestionRow> Questions { get; private set; } = [];
    public ILookup<int, CommentRow> Comments { get; private set; } = Array.Empty<CommentRow>().ToLookup(c => c.QuestionId);
    public int? CommentFailedFor { get; private set; }

    [BindProperty] public QuestionInput Input { get; set; } = new();
    [BindProperty] public CommentInput Comment { get; set; } = new();
    [BindProperty(Name = "spoergsmaal")] public int? QuestionId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Input, nameof(Input));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanPropose || Head.MeId is null) return this.Refuse();
        var text = (Input.Text ?? "").Trim();
        if (Questions.Any(q => string.Equals(q.Text, text, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Text", l["Det spørgsmål er allerede foreslået. Kommentér det i stedet."]);
        }
        if (!ModelState.IsValid) return Page();
        db.OpeningQuestions.Add(new OpeningQuestion { ProcessId = id, Text = text, ProposedById = Head.MeId.Value, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Dit forslag er med. De andre deltagere kan nu drøfte det."].Value;
        return Redirect($"/kerneopgave/{id}/spoergsmaal");
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Comment, nameof(Comment));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanPropose || Head.MeId is null) return this.Refuse();
        // A question of another process is not found here.
        if (Questions.All(q => q.Id != QuestionId)) return NotFound();
        if (!ModelState.IsValid)
        {
            CommentFailedFor = QuestionId;
            return Page();
        }
        db.OpeningQuestionComments.Add(new OpeningQuestionComment { QuestionId = QuestionId!.Value, AuthorId = Head.MeId.Value, Text = Comment.Text.Trim(), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Din kommentar er gemt."].Value;
        return Redirect($"/kerneopgave/{id}/spoergsmaal#q-{QuestionId}");
    }

    public async Task<IActionResult> OnPostChooseAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        var question = Questions.SingleOrDefault(q => q.Id == QuestionId);
        if (question is null) return NotFound();
        await db.CoreTaskProcesses.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ChosenQuestionId, question.Id).SetProperty(p => p.Version, Guid.NewGuid()), ct);
        TempData["Success"] = l["Spørgsmålet er valgt. Når I er klar, så flyt forløbet til fasen »{0}«.", CoreTaskRules.Phase(CoreTaskPhase.Exploration, l)].Value;
        return Redirect($"/kerneopgave/{id}/spoergsmaal");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        Questions = await db.OpeningQuestions.Where(q => q.ProcessId == id).OrderBy(q => q.CreatedAt).ThenBy(q => q.Id)
            .Select(q => new QuestionRow(q.Id, q.Text, q.ProposedBy!.Name, q.ProposedBy.Role, q.CreatedAt)).ToListAsync(ct);
        Comments = (await db.OpeningQuestionComments.Where(c => db.OpeningQuestions.Any(q => q.Id == c.QuestionId && q.ProcessId == id))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.QuestionId, c.Author!.Name, c.Author.Role, c.Text, c.CreatedAt)).ToListAsync(ct))
            .ToLookup(c => c.QuestionId);
        if (Head.BlankCanvas && Questions.Count == 0 && string.IsNullOrEmpty(Input.Text))
        {
            Input.Text = l["Nu har vi ikke {0}. Hvad skal der være i stedet, og hvilken rolle skal vi have i dit liv?", Head.UnitName];
        }
        return null;
    }
}
