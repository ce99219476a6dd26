using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// One idea: its text and photo, likes, the family of ideas that build on it, the municipality's answers with their
/// history; and for staff the answer form that can take it to a development platform.
/// </summary>
public class IdeaModel(AppDbContext db, ParticipantSession session, IdeaActions actions, CommentActions comments, IAuthorizationService auth, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ParticipationSettings> settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record CommentRow(int Id, string Text, string AuthorName, DateTimeOffset CreatedAt, IdeaVisibility Visibility, string? HiddenReason, bool Mine, bool Reported);

    public sealed class CommentInput
    {
        [Required(ErrorMessage = "Skriv din kommentar.")]
        [StringLength(IdeaRules.CommentLength, ErrorMessage = "Kommentaren må højst være 1000 tegn.")]
        public string Text { get; set; } = "";

        /// <summary>Hidden from people; a bot that fills every field fills this one too.</summary>
        public string? Website { get; set; }
    }

    public sealed class CommentReasonInput
    {
        public int CommentId { get; set; }

        [Required(ErrorMessage = "Skriv, hvad der er galt.")]
        [StringLength(IdeaRules.ReasonLength, ErrorMessage = "Begrundelsen må højst være 500 tegn.")]
        public string Reason { get; set; } = "";
    }

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    [BindProperty]
    public CommentReasonInput CommentReason { get; set; } = new();

    [BindProperty(Name = "tema")]
    public int? ThemeChoice { get; set; }

    public IReadOnlyList<CommentRow> Comments { get; private set; } = [];
    public IReadOnlyList<Choice> Themes { get; private set; } = [];
    public bool CanGroup { get; private set; }
    public bool LikesOpen { get; private set; }
    public int? FailedCommentId { get; private set; }

    public sealed record View(int Id, int CampaignId, string CampaignTheme, int? InitiativeId, DateOnly OpensOn, DateOnly ClosesOn, string Title, string Text, string? PlaceName,
        string? ImageKey, string AuthorName, int AuthorId, IdeaStatus Status, IdeaVisibility Visibility, int LikeCount, int BuildOnCount,
        DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int? BuildsOnId, string? BuildsOnTitle, int? FamilyRootId, int? MergedIntoId, string? MergedIntoTitle,
        int? PlatformId, string? PlatformName, ModerationMode Moderation,
        CampaignType Type, DateOnly? VoteOpensOn, DateOnly? VoteClosesOn, string? FilmUrl, int? ThemeId, string? ThemeName, int CommentCount);

    public sealed record FamilyMember(int Id, string Title, int? BuildsOnId, string AuthorName, int LikeCount);
    public sealed record AnswerRow(IdeaStatus Status, string Text, int? PlatformId, string? PlatformName, int? MergedIntoId, string ByName, DateTimeOffset At);
    public sealed record ModerationRow(ModerationActionKind Kind, string Reason, DateTimeOffset At);
    public sealed record Choice(int Id, string Name);

    public sealed class AnswerInput
    {
        public IdeaStatus Status { get; set; } = IdeaStatus.Seen;

        [StringLength(IdeaRules.AnswerLength, ErrorMessage = "Svaret må højst være 2000 tegn.")]
        public string? Text { get; set; }
        public int? PlatformId { get; set; }
        public bool AddToAgenda { get; set; }

        [Range(1, int.MaxValue, ErrorMessage = "Skriv nummeret på idéen, den er lagt sammen med.")]
        public int? MergedIntoId { get; set; }
    }

    public sealed class ReportInput
    {
        [Required(ErrorMessage = "Skriv, hvad der er galt.")]
        [StringLength(IdeaRules.ReasonLength, ErrorMessage = "Begrundelsen må højst være 500 tegn.")]
        public string Reason { get; set; } = "";
    }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [BindProperty(Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    public View Idea { get; private set; } = null!;
    public IReadOnlyList<FamilyMember> Family { get; private set; } = [];
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public IReadOnlyList<ModerationRow> Moderation { get; private set; } = [];
    public IReadOnlyList<Choice> Platforms { get; private set; } = [];
    public bool SignedUp { get; private set; }
    public bool Liked { get; private set; }
    public bool Following { get; private set; }
    public bool Reported { get; private set; }
    public bool IsAuthor { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool CanModerate { get; private set; }
    public bool Open { get; private set; }
    public bool CanEdit => IsAuthor && Idea.LikeCount == 0 && Idea.BuildOnCount == 0 && Answers.Count == 0 && Idea.Visibility != IdeaVisibility.Withdrawn;
    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostLikeAsync(int id, CancellationToken ct) => LikeAsync(id, like: true, ct);

    public Task<IActionResult> OnPostUnlikeAsync(int id, CancellationToken ct) => LikeAsync(id, like: false, ct);

    private async Task<IActionResult> LikeAsync(int id, bool like, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: true, ct);
        if (campaignId is null) return NotFound();
        var (participant, refusal) = await this.ParticipantForWriteAsync(session, $"/ideer/{id}");
        if (refusal is not null) return refusal;
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.LikeIdea)) return Forbid();
        var c = await db.Campaigns.Where(x => x.Id == campaignId).Select(x => new { x.Type, x.OpensOn, x.ClosesOn, x.VoteOpensOn, x.VoteClosesOn }).SingleAsync(ct);
        if (!Participation.Campaign.LikesOpenOn(c.Type, c.OpensOn, c.ClosesOn, c.VoteOpensOn, c.VoteClosesOn, clock.Today()))
        {
            TempData["Success"] = c.Type == CampaignType.Competition
                ? l["Afstemningen er ikke åben. Du kan kun stemme i afstemningens periode."].Value
                : l["Indsamlingen er lukket, så der kan ikke længere synes godt om idéerne."].Value;
            return LocalRedirect(ParticipationPages.SafeReturn(ReturnUrl ?? $"/ideer/{id}"));
        }
        if (like)
        {
            await actions.LikeAsync(id, participant!.Id, ct);
        }
        else
        {
            await actions.UnlikeAsync(id, participant!.Id, ct);
        }
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            var count = await db.Ideas.Where(i => i.Id == id).Select(i => i.LikeCount).SingleAsync(ct);
            return Partial("_LikeButton", new LikeButton(id, count, like, true, true, ParticipationPages.SafeReturn(ReturnUrl ?? $"/ideer/{id}"), c.Type == CampaignType.Competition));
        }
        return LocalRedirect(ParticipationPages.SafeReturn(ReturnUrl ?? $"/ideer/{id}"));
    }

    public async Task<IActionResult> OnPostFollowAsync(int id, CancellationToken ct) => await FollowAsync(id, follow: true, ct);

    public async Task<IActionResult> OnPostUnfollowAsync(int id, CancellationToken ct) => await FollowAsync(id, follow: false, ct);

    private async Task<IActionResult> FollowAsync(int id, bool follow, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: false, ct);
        if (campaignId is null) return NotFound();
        var (participant, refusal) = await this.ParticipantForWriteAsync(session, $"/ideer/{id}");
        if (refusal is not null) return refusal;
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.LikeIdea)) return Forbid();
        if (follow)
        {
            await actions.FollowAsync(id, participant!.Id, ct);
            TempData["Success"] = l["Du følger nu idéen og får en mail, når den får en ny status."].Value;
        }
        else
        {
            await actions.UnfollowAsync(id, participant!.Id, ct);
            TempData["Success"] = l["Du følger ikke længere idéen."].Value;
        }
        return Redirect($"/ideer/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: true, ct);
        if (campaignId is null) return NotFound();
        var (participant, refusal) = await this.ParticipantForWriteAsync(session, $"/ideer/{id}");
        if (refusal is not null) return refusal;
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.ReportIdea)) return Forbid();
        ModelState.KeepOnly(nameof(Report));
        if (!ModelState.IsValid)
        {
            OpenForm = "report";
            return await LoadAsync(id, ct) ?? Page();
        }
        var idea = await db.Ideas.SingleAsync(i => i.Id == id, ct);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == idea.CampaignId, ct);
        var counted = await actions.ReportAsync(idea, campaign, participant!.Id, Report.Reason.Trim(), ct);
        TempData["Success"] = counted
            ? l["Tak. En moderator ser på din anmeldelse."].Value
            : l["Du har allerede anmeldt idéen. En moderator ser på den."].Value;
        return Redirect(idea.Visibility == IdeaVisibility.Published ? $"/ideer/{id}" : $"/indsamlinger/{idea.CampaignId}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForIdea(idea.CampaignId, id), Operation.AnswerIdea)) return this.Refuse();
        ModelState.KeepOnly(nameof(Answer));
        var initiativeId = await db.Campaigns.Where(c => c.Id == idea.CampaignId).Select(c => c.InitiativeId).SingleAsync(ct);
        var text = Answer.Text?.Trim() ?? "";
        if (!IdeaRules.AnswerStatuses.Contains(Answer.Status))
        {
            ModelState.AddModelError("Answer.Status", l["Vælg en status."]);
        }
        if (Answer.Status == IdeaStatus.NotPossible && text.Length == 0)
        {
            ModelState.AddModelError("Answer.Text", l["Skriv, hvorfor idéen ikke er mulig. Det har forslagsstilleren krav på at vide."]);
        }
        int? platformId = null;
        if (Answer.PlatformId is int p)
        {
            var platformOk = initiativeId is int iid && await db.Platforms.AnyAsync(x => x.Id == p && x.InitiativeId == iid && x.Status != PlatformStatus.Merged && x.Status != PlatformStatus.Closed, ct);
            if (!platformOk) ModelState.AddModelError("Answer.PlatformId", l["Vælg en af initiativets udviklingsplatforme."]);
            else platformId = p;
        }
        if (Answer.Status == IdeaStatus.TakenUp && platformId is null && text.Length == 0)
        {
            ModelState.AddModelError("Answer.PlatformId", l["Vælg den platform, der tager idéen op – eller skriv, hvem der gør."]);
        }
        if (Answer.AddToAgenda && (Answer.Status != IdeaStatus.TakenUp || platformId is null))
        {
            ModelState.AddModelError("Answer.AddToAgenda", l["Idéen kan kun sættes på dagsordenen, når den er taget op af en platform."]);
        }
        int? mergedInto = null;
        if (Answer.Status == IdeaStatus.Merged)
        {
            var target = Answer.MergedIntoId;
            var ok = target is int t && t != id && await db.Ideas.AnyAsync(x => x.Id == t && x.CampaignId == idea.CampaignId && x.Visibility == IdeaVisibility.Published, ct);
            if (!ok) ModelState.AddModelError("Answer.MergedIntoId", l["Skriv nummeret på en anden idé i samme indsamling."]);
            else mergedInto = target;
        }
        if (!ModelState.IsValid)
        {
            OpenForm = "answer";
            return await LoadAsync(id, ct) ?? Page();
        }
        int? meetingId = null;
        if (Answer.AddToAgenda)
        {
            meetingId = await actions.AddToNextMeetingAsync(idea, platformId!.Value, ct);
            if (meetingId is null)
            {
                ModelState.AddModelError("Answer.AddToAgenda", l["Platformen har intet planlagt møde. Planlæg et møde, eller svar uden at sætte idéen på dagsordenen."]);
                OpenForm = "answer";
                return await LoadAsync(id, ct) ?? Page();
            }
        }
        await actions.AnswerAsync(idea, Answer.Status, text, platformId, mergedInto, this.StaffName(), User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        TempData["Success"] = meetingId is null
            ? l["Svaret er gemt, og de, der følger idéen, får besked."].Value
            : l["Svaret er gemt, idéen er sat på dagsordenen til platformens næste møde, og de, der følger idéen, får besked."].Value;
        return Redirect($"/ideer/{id}");
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        var (campaignId, open) = await CampaignOfAsync(id, published: true, ct);
        if (campaignId is null) return NotFound();
        var (participant, refusal) = await this.ParticipantForWriteAsync(session, $"/ideer/{id}#kommentarer");
        if (refusal is not null) return refusal;
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.CommentIdea)) return Forbid();
        ModelState.KeepOnly(nameof(Comment));
        if (!string.IsNullOrEmpty(Comment.Website)) return Redirect($"/ideer/{id}");
        if (!open)
        {
            ModelState.AddModelError("Comment.Text", l["Indsamlingen er lukket, så der kan ikke skrives nye kommentarer."]);
        }
        var since = clock.GetUtcNow().AddHours(-1);
        if (await db.IdeaComments.CountAsync(x => x.ParticipantId == participant!.Id && x.CreatedAt > since, ct) >= settings.Value.CommentsPerHour)
        {
            ModelState.AddModelError("Comment.Text", l["Du har skrevet mange kommentarer den seneste time. Vent lidt – din tekst står her stadig."]);
        }
        var text = Comment.Text?.Trim() ?? "";
        if (ModelState.IsValid && text.Length == 0) ModelState.AddModelError("Comment.Text", l["Skriv din kommentar."]);
        if (!ModelState.IsValid)
        {
            OpenForm = "comment";
            return await LoadAsync(id, ct) ?? Page();
        }
        var idea = await db.Ideas.SingleAsync(i => i.Id == id, ct);
        var campaign = await db.Campaigns.SingleAsync(x => x.Id == idea.CampaignId, ct);
        var comment = await comments.PostAsync(idea, campaign, participant!.Id, text, ct);
        TempData["Success"] = comment.Visibility == IdeaVisibility.Pending
            ? l["Tak for kommentaren. Den bliver vist, når en moderator har godkendt den."].Value
            : l["Tak for kommentaren."].Value;
        return Redirect($"/ideer/{id}#kommentar-{comment.Id}");
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(int id, [FromForm(Name = "kommentar")] int commentId, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: false, ct);
        if (campaignId is null) return NotFound();
        var comment = await db.IdeaComments.SingleOrDefaultAsync(x => x.Id == commentId && x.IdeaId == id, ct);
        if (comment is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForComment(campaignId.Value, id, commentId), Operation.DeleteOwnComment)) return await this.RefuseParticipantAsync(session);
        await comments.DeleteAsync(comment, ct);
        TempData["Success"] = l["Din kommentar er slettet."].Value;
        return Redirect($"/ideer/{id}#kommentarer");
    }

    public async Task<IActionResult> OnPostReportCommentAsync(int id, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: true, ct);
        if (campaignId is null) return NotFound();
        var comment = await db.IdeaComments.SingleOrDefaultAsync(x => x.Id == CommentReason.CommentId && x.IdeaId == id && x.Visibility == IdeaVisibility.Published, ct);
        if (comment is null) return NotFound();
        var (participant, refusal) = await this.ParticipantForWriteAsync(session, $"/ideer/{id}#kommentar-{comment.Id}");
        if (refusal is not null) return refusal;
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.ReportIdea)) return Forbid();
        ModelState.KeepOnly(nameof(CommentReason));
        if (!ModelState.IsValid)
        {
            FailedCommentId = comment.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        var campaign = await db.Campaigns.SingleAsync(x => x.Id == campaignId, ct);
        var counted = await comments.ReportAsync(comment, campaign, participant!.Id, CommentReason.Reason.Trim(), ct);
        TempData["Success"] = counted
            ? l["Tak. En moderator ser på din anmeldelse."].Value
            : l["Du har allerede anmeldt kommentaren. En moderator ser på den."].Value;
        return Redirect($"/ideer/{id}#kommentarer");
    }

    /// <summary>A moderator hides a comment from the idea's page, with the reason its author sees.</summary>
    public async Task<IActionResult> OnPostHideCommentAsync(int id, CancellationToken ct)
    {
        var (campaignId, _) = await CampaignOfAsync(id, published: false, ct);
        if (campaignId is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForIdea(campaignId.Value, id), Operation.ModerateCampaign)) return this.Refuse();
        var comment = await db.IdeaComments.SingleOrDefaultAsync(x => x.Id == CommentReason.CommentId && x.IdeaId == id, ct);
        if (comment is null) return NotFound();
        ModelState.KeepOnly(nameof(CommentReason));
        if (!ModelState.IsValid)
        {
            FailedCommentId = comment.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        await comments.ModerateAsync(comment, ModerationActionKind.Hide, CommentReason.Reason.Trim(), this.StaffName(), User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        TempData["Success"] = l["Kommentaren er skjult."].Value;
        return Redirect($"/ideer/{id}#kommentarer");
    }

    /// <summary>Staff put the contribution in one of the campaign's themes (or take it out of all).</summary>
    public async Task<IActionResult> OnPostThemeAsync(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForIdea(idea.CampaignId, id), Operation.GroupIdeas)) return this.Refuse();
        if (ThemeChoice is int t && !await db.CampaignThemes.AnyAsync(x => x.Id == t && x.CampaignId == idea.CampaignId, ct))
        {
            ModelState.Clear();
            ModelState.AddModelError("tema", l["Vælg et af indsamlingens temaer."]);
            OpenForm = "theme";
            return await LoadAsync(id, ct) ?? Page();
        }
        idea.ThemeId = ThemeChoice;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Temaet er gemt."].Value;
        return Redirect($"/ideer/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForIdea(idea.CampaignId, id), Operation.EditOwnIdea)) return await this.RefuseParticipantAsync(session);
        if (idea.Visibility != IdeaVisibility.Withdrawn)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await actions.SetVisibilityAsync(idea, IdeaVisibility.Withdrawn, ct);
            await tx.CommitAsync(ct);
        }
        TempData["Success"] = l["Idéen er trukket tilbage. Den vises ikke længere for andre."].Value;
        return Redirect("/deltag/mine");
    }

    private async Task<(int? CampaignId, bool Open)> CampaignOfAsync(int id, bool published, CancellationToken ct)
    {
        var row = await db.Ideas.Where(i => i.Id == id && (!published || i.Visibility == IdeaVisibility.Published))
            .Select(i => new { i.CampaignId, i.Campaign!.OpensOn, i.Campaign.ClosesOn }).SingleOrDefaultAsync(ct);
        if (row is null) return (null, false);
        var today = clock.Today();
        return (row.CampaignId, today >= row.OpensOn && today <= row.ClosesOn);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await db.Ideas.Where(i => i.Id == id).Select(i => new View(
                i.Id, i.CampaignId, i.Campaign!.Theme, i.Campaign.InitiativeId, i.Campaign.OpensOn, i.Campaign.ClosesOn, i.Title, i.Text, i.PlaceName, i.ImageKey,
                i.Participant!.DeletedAt != null || i.Participant.Anonymous ? "" : i.Participant.DisplayName, i.ParticipantId,
                i.Status, i.Visibility, i.LikeCount, i.BuildOnCount, i.CreatedAt, i.EditedAt,
                i.BuildsOnId, db.Ideas.Where(p => p.Id == i.BuildsOnId && p.Visibility == IdeaVisibility.Published).Select(p => p.Title).FirstOrDefault(),
                i.FamilyRootId, i.MergedIntoId, db.Ideas.Where(p => p.Id == i.MergedIntoId).Select(p => p.Title).FirstOrDefault(),
                i.TakenUpByPlatformId, db.Platforms.Where(p => p.Id == i.TakenUpByPlatformId).Select(p => p.Name).FirstOrDefault(),
                i.Campaign.Moderation,
                i.Campaign.Type, i.Campaign.VoteOpensOn, i.Campaign.VoteClosesOn, i.FilmUrl, i.ThemeId,
                db.CampaignThemes.Where(t => t.Id == i.ThemeId && t.CampaignId == i.CampaignId).Select(t => t.Name).FirstOrDefault(), i.CommentCount))
            .SingleOrDefaultAsync(ct);
        if (view is null) return NotFound();
        var participant = await session.CurrentAsync(ct);
        IsAuthor = participant is not null && participant.Id == view.AuthorId;
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn)
        {
            CanAnswer = await this.CanAsync(auth, AccessScope.ForIdea(view.CampaignId, id), Operation.AnswerIdea);
            CanModerate = await this.CanAsync(auth, AccessScope.ForIdea(view.CampaignId, id), Operation.ModerateCampaign);
        }
        // Only published ideas are public; the author and the moderators also see their pending or hidden ones.
        if (view.Visibility != IdeaVisibility.Published && !IsAuthor && !CanModerate) return NotFound();
        Idea = view;
        var today = clock.Today();
        Open = today >= view.OpensOn && today <= view.ClosesOn;
        LikesOpen = Participation.Campaign.LikesOpenOn(view.Type, view.OpensOn, view.ClosesOn, view.VoteOpensOn, view.VoteClosesOn, today);
        SignedUp = participant is not null || signedIn;
        var me = participant?.Id ?? 0;
        var moderator = CanModerate;
        var shown = await db.IdeaComments.Where(c => c.IdeaId == id && (c.Visibility == IdeaVisibility.Published || c.ParticipantId == me || moderator))
            .OrderByDescending(c => c.Id).Take(IdeaRules.CommentsShown)
            .Select(c => new CommentRow(c.Id, c.Text, c.Participant!.DeletedAt != null || c.Participant.Anonymous ? "" : c.Participant.DisplayName, c.CreatedAt,
                c.Visibility, c.HiddenReason, c.ParticipantId == me, db.CommentReports.Any(r => r.CommentId == c.Id && r.ParticipantId == me)))
            .ToListAsync(ct);
        shown.Reverse();
        Comments = shown;
        if (signedIn)
        {
            CanGroup = await this.CanAsync(auth, AccessScope.ForIdea(view.CampaignId, id), Operation.GroupIdeas);
            if (CanGroup)
            {
                Themes = await db.CampaignThemes.Where(t => t.CampaignId == view.CampaignId).OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
            }
        }

        var root = view.FamilyRootId ?? view.Id;
        Family = await db.Ideas.Where(i => (i.Id == root || i.FamilyRootId == root) && i.Visibility == IdeaVisibility.Published)
            .OrderBy(i => i.Id).Take(300)
            .Select(i => new FamilyMember(i.Id, i.Title, i.BuildsOnId, i.Participant!.DeletedAt != null || i.Participant.Anonymous ? "" : i.Participant.DisplayName, i.LikeCount))
            .ToListAsync(ct);
        Answers = await db.IdeaAnswers.Where(a => a.IdeaId == id).OrderByDescending(a => a.At)
            .Select(a => new AnswerRow(a.Status, a.Text, a.PlatformId, db.Platforms.Where(p => p.Id == a.PlatformId).Select(p => p.Name).FirstOrDefault(), a.MergedIntoId, a.ByName, a.At))
            .ToListAsync(ct);
        if (participant is not null)
        {
            var mine = await db.Ideas.Where(i => i.Id == id).Select(i => new
            {
                Liked = db.IdeaLikes.Any(x => x.IdeaId == id && x.ParticipantId == participant.Id),
                Following = db.IdeaFollowers.Any(x => x.IdeaId == id && x.ParticipantId == participant.Id),
                Reported = db.IdeaReports.Any(x => x.IdeaId == id && x.ParticipantId == participant.Id),
            }).SingleAsync(ct);
            (Liked, Following, Reported) = (mine.Liked, mine.Following, mine.Reported);
        }
        if (IsAuthor || CanModerate)
        {
            Moderation = await db.ModerationActions.Where(a => a.IdeaId == id && a.CommentId == null).OrderByDescending(a => a.At)
                .Select(a => new ModerationRow(a.Kind, a.Reason, a.At)).ToListAsync(ct);
        }
        if (CanAnswer && view.InitiativeId is int initiativeId)
        {
            Platforms = await db.Platforms.Where(p => p.InitiativeId == initiativeId && p.Status != PlatformStatus.Merged && p.Status != PlatformStatus.Closed)
                .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        }
        return null;
    }

    /// <summary>The family as a tree: each idea with the ideas that build directly on it.</summary>
    public IEnumerable<FamilyMember> ChildrenOf(int? parentId) =>
        Family.Where(f => parentId is null ? f.Id == (Idea.FamilyRootId ?? Idea.Id) : f.BuildsOnId == parentId);
}
