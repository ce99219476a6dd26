using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// The moderation queue of a campaign: what waits for approval and what reports have hidden or flagged. Every decision
/// is recorded with its reason, and the author sees the reason.
/// </summary>
public class ModerationModel(AppDbContext db, IdeaActions actions, CommentActions comments, Samskab.Web.Infrastructure.Images.IFileStorage files, IAuthorizationService auth, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record WaitingComment(int Id, int IdeaId, string IdeaTitle, string Text, string AuthorName, IdeaVisibility Visibility, int ReportCount, DateTimeOffset CreatedAt, IReadOnlyList<string> Reports);

    public sealed class CommentDecisionInput
    {
        public int CommentId { get; set; }
        public ModerationActionKind Kind { get; set; }

        [StringLength(IdeaRules.ReasonLength, ErrorMessage = "Begrundelsen må højst være 500 tegn.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public CommentDecisionInput CommentDecision { get; set; } = new();

    public IReadOnlyList<WaitingComment> Comments { get; private set; } = [];
    public int? FailedCommentId { get; private set; }

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(CommentDecision));
        // A comment of another campaign's idea is refused like one that does not exist.
        var comment = await db.IdeaComments.SingleOrDefaultAsync(c => c.Id == CommentDecision.CommentId && db.Ideas.Any(i => i.Id == c.IdeaId && i.CampaignId == id), ct);
        if (comment is null) return NotFound();
        var reason = CommentDecision.Reason?.Trim() ?? "";
        if (CommentDecision.Kind is not (ModerationActionKind.Approve or ModerationActionKind.Restore or ModerationActionKind.Hide))
        {
            ModelState.AddModelError("CommentDecision.Kind", l["Vælg, hvad der skal ske med kommentaren."]);
        }
        if (CommentDecision.Kind == ModerationActionKind.Hide && reason.Length == 0)
        {
            ModelState.AddModelError("CommentDecision.Reason", l["Skriv en begrundelse. Forfatteren kan se den."]);
        }
        if (!ModelState.IsValid)
        {
            FailedCommentId = comment.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        await comments.ModerateAsync(comment, CommentDecision.Kind, reason, this.StaffName(), User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        TempData["Success"] = l["Kommentaren: {0}.", l[IdeaRules.ModerationKind(CommentDecision.Kind)]].Value;
        return Redirect($"/indsamlinger/{id}/moderering");
    }

    public sealed record Waiting(int Id, string Title, string Text, string AuthorName, IdeaVisibility Visibility, int ReportCount, DateTimeOffset CreatedAt, IReadOnlyList<string> Reports, string? ImageKey = null);
    public sealed record Done(int IdeaId, string Title, ModerationActionKind Kind, string Reason, string ByName, DateTimeOffset At, bool OnComment);

    public sealed class DecisionInput
    {
        public int IdeaId { get; set; }
        public ModerationActionKind Kind { get; set; }

        [StringLength(IdeaRules.ReasonLength, ErrorMessage = "Begrundelsen må højst være 500 tegn.")]
        public string? Reason { get; set; }

        [StringLength(IdeaRules.TitleLength, ErrorMessage = "Overskriften må højst være 120 tegn.")]
        public string? Title { get; set; }

        [StringLength(IdeaRules.TextLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string? Text { get; set; }

        /// <summary>With "remove personal data": the photo goes too (its files are deleted).</summary>
        public bool RemovePhoto { get; set; }
    }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public int CampaignId { get; private set; }
    public string Theme { get; private set; } = "";
    public IReadOnlyList<Waiting> Queue { get; private set; } = [];
    public IReadOnlyList<Done> Recent { get; private set; } = [];
    public int? FailedIdeaId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(Decision));
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == Decision.IdeaId && i.CampaignId == id, ct);
        if (idea is null) return NotFound();
        var reason = Decision.Reason?.Trim() ?? "";
        if (!Enum.IsDefined(Decision.Kind) || Decision.Kind == ModerationActionKind.AutoHidden)
        {
            ModelState.AddModelError("Decision.Kind", l["Vælg, hvad der skal ske med idéen."]);
        }
        if (Decision.Kind is ModerationActionKind.Hide or ModerationActionKind.EditOut && reason.Length == 0)
        {
            ModelState.AddModelError("Decision.Reason", l["Skriv en begrundelse. Forfatteren kan se den."]);
        }
        var title = Decision.Title?.Trim();
        var text = Decision.Text?.Trim();
        if (Decision.Kind == ModerationActionKind.EditOut && string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("Decision.Title", l["Idéen skal have en overskrift."]);
        }
        if (!ModelState.IsValid)
        {
            FailedIdeaId = idea.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        var photo = Decision.Kind == ModerationActionKind.EditOut && Decision.RemovePhoto ? idea.ImageKey : null;
        if (photo is not null) idea.ImageKey = null;
        await actions.ModerateAsync(idea, Decision.Kind, reason, this.StaffName(), User.FindFirstValue(ClaimTypes.NameIdentifier), title, text, ct);
        if (photo is not null)
        {
            await files.DeleteAsync(photo + "-stor.jpg", ct);
            await files.DeleteAsync(photo + "-lille.jpg", ct);
        }
        TempData["Success"] = l["\"{0}\": {1}.", idea.Title, l[IdeaRules.ModerationKind(Decision.Kind)]].Value;
        return Redirect($"/indsamlinger/{id}/moderering");
    }

    private async Task<IActionResult?> AllowedAsync(int id, CancellationToken ct)
    {
        var theme = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Theme).SingleOrDefaultAsync(ct);
        if (theme is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.ModerateCampaign)) return this.Refuse();
        (CampaignId, Theme) = (id, theme);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        var rows = await db.Ideas.Where(i => i.CampaignId == id && (i.AwaitsModerator || i.Visibility == IdeaVisibility.Pending))
            .OrderBy(i => i.Id).Take(100)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Text,
                Author = i.Participant!.DeletedAt != null || i.Participant.Anonymous ? "" : i.Participant.DisplayName,
                i.Visibility,
                i.ReportCount,
                i.CreatedAt,
                i.ImageKey,
                Reports = db.IdeaReports.Where(r => r.IdeaId == i.Id).OrderByDescending(r => r.CreatedAt).Select(r => r.Reason).Take(10).ToList(),
            })
            .ToListAsync(ct);
        Queue = rows.Select(r => new Waiting(r.Id, r.Title, r.Text, r.Author, r.Visibility, r.ReportCount, r.CreatedAt, r.Reports, r.ImageKey)).ToList();
        var commentRows = await db.IdeaComments
            .Where(c => (c.AwaitsModerator || c.Visibility == IdeaVisibility.Pending) && db.Ideas.Any(i => i.Id == c.IdeaId && i.CampaignId == id))
            .OrderBy(c => c.Id).Take(100)
            .Select(c => new
            {
                c.Id,
                c.IdeaId,
                IdeaTitle = db.Ideas.Where(i => i.Id == c.IdeaId).Select(i => i.Title).First(),
                c.Text,
                Author = c.Participant!.DeletedAt != null || c.Participant.Anonymous ? "" : c.Participant.DisplayName,
                c.Visibility,
                c.ReportCount,
                c.CreatedAt,
                Reports = db.CommentReports.Where(r => r.CommentId == c.Id).OrderByDescending(r => r.CreatedAt).Select(r => r.Reason).Take(10).ToList(),
            })
            .ToListAsync(ct);
        Comments = commentRows.Select(r => new WaitingComment(r.Id, r.IdeaId, r.IdeaTitle, r.Text, r.Author, r.Visibility, r.ReportCount, r.CreatedAt, r.Reports)).ToList();
        Recent = await db.ModerationActions.Where(a => db.Ideas.Any(i => i.Id == a.IdeaId && i.CampaignId == id))
            .OrderByDescending(a => a.At).Take(30)
            .Join(db.Ideas, a => a.IdeaId, i => i.Id, (a, i) => new Done(a.IdeaId, i.Title, a.Kind, a.Reason, a.ByName, a.At, a.CommentId != null))
            .ToListAsync(ct);
        return null;
    }
}
