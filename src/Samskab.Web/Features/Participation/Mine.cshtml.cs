using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Everything a participant has contributed: to see, correct, withdraw, download, or delete. Deleting anonymises the
/// participant; their ideas stay for the others, without a name.
/// </summary>
public class MineModel(AppDbContext db, ParticipantSession session, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Contribution(int Id, string Title, string CampaignTheme, IdeaStatus Status, IdeaVisibility Visibility, int LikeCount, DateTimeOffset CreatedAt, string? LastModeration);
    public sealed record Followed(int Id, string Title);
    public sealed record MyComment(int Id, int IdeaId, string IdeaTitle, string Text, IdeaVisibility Visibility, DateTimeOffset CreatedAt);

    public IReadOnlyList<MyComment> Comments { get; private set; } = [];

    private static readonly JsonSerializerOptions DownloadJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public sealed class ProfileInput
    {
        [StringLength(IdeaRules.DisplayNameLength, ErrorMessage = "Navnet må højst være 60 tegn.")]
        public string? DisplayName { get; set; }
        public bool Anonymous { get; set; }
    }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public string? Email { get; private set; }
    public IdentityLevel Level { get; private set; }
    public IReadOnlyList<Contribution> Ideas { get; private set; } = [];
    public IReadOnlyList<Followed> Following { get; private set; } = [];
    public int LikeCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        var me = await session.CurrentAsync(ct);
        if (me is null) return Redirect(ParticipationPages.JoinUrl("/deltag/mine"));
        ModelState.Remove(nameof(ConfirmDelete));
        var name = Profile.DisplayName?.Trim() ?? "";
        if (!Profile.Anonymous && name.Length == 0)
        {
            ModelState.AddModelError("Profile.DisplayName", l["Skriv det navn, andre skal se – eller vælg at være anonym."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct, keepProfile: true);
            return Page();
        }
        await db.Participants.Where(p => p.Id == me.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.DisplayName, Profile.Anonymous ? "" : name)
            .SetProperty(p => p.Anonymous, Profile.Anonymous), ct);
        TempData["Success"] = l["Dine oplysninger er gemt."].Value;
        return Redirect("/deltag/mine");
    }

    /// <summary>Everything stored about the participant, as JSON (GDPR art. 15 and 20).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var me = await session.CurrentAsync(ct);
        if (me is null) return Redirect(ParticipationPages.JoinUrl("/deltag/mine"));
        var participant = await db.Participants.Where(p => p.Id == me.Id)
            .Select(p => new { p.Email, p.DisplayName, p.Anonymous, p.Language, p.Level, p.CreatedAt, p.ConfirmedAt }).SingleAsync(ct);
        var ideas = await db.Ideas.Where(i => i.ParticipantId == me.Id).OrderBy(i => i.Id)
            .Select(i => new { i.Id, Campaign = i.Campaign!.Theme, i.Title, i.Text, i.PlaceName, i.ImageKey, i.BuildsOnId, i.Status, i.Visibility, i.LikeCount, i.CreatedAt, i.EditedAt, i.FilmUrl }).ToListAsync(ct);
        var comments = await db.IdeaComments.Where(x => x.ParticipantId == me.Id).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.IdeaId, x.Text, x.Visibility, x.HiddenReason, x.CreatedAt }).ToListAsync(ct);
        var commentReports = await db.CommentReports.Where(x => x.ParticipantId == me.Id).Select(x => new { x.CommentId, x.Reason, x.CreatedAt }).ToListAsync(ct);
        var likes = await db.IdeaLikes.Where(x => x.ParticipantId == me.Id).OrderBy(x => x.CreatedAt).Select(x => new { x.IdeaId, x.CreatedAt }).ToListAsync(ct);
        var follows = await db.IdeaFollowers.Where(x => x.ParticipantId == me.Id).Select(x => new { x.IdeaId, x.CreatedAt }).ToListAsync(ct);
        var reports = await db.IdeaReports.Where(x => x.ParticipantId == me.Id).Select(x => new { x.IdeaId, x.Reason, x.CreatedAt }).ToListAsync(ct);
        var devices = await db.ParticipantDevices.Where(x => x.ParticipantId == me.Id).Select(x => new { x.CreatedAt, x.RevokedAt }).ToListAsync(ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { participant, ideas, comments, likes, follows, reports, commentReports, devices }, DownloadJson);
        return File(json, "application/json", "samskab-mine-bidrag.json");
    }

    /// <summary>Forgets this device (the cookie and its row); the participation itself stays.</summary>
    public async Task<IActionResult> OnPostForgetAsync(CancellationToken ct)
    {
        var me = await session.CurrentAsync(ct);
        if (me?.DeviceId is int device)
        {
            var now = clock.GetUtcNow();
            await db.ParticipantDevices.Where(d => d.Id == device).ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedAt, now), ct);
        }
        session.ForgetDevice();
        TempData["Success"] = l["Denne enhed husker dig ikke længere."].Value;
        return Redirect("/deltag");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var me = await session.CurrentAsync(ct);
        if (me is null) return Redirect(ParticipationPages.JoinUrl("/deltag/mine"));
        if (!ConfirmDelete)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmDelete), l["Sæt kryds for at bekræfte, at du vil slette din deltagelse."]);
            await LoadAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Participants.Where(p => p.Id == me.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Email, (string?)null)
            .SetProperty(p => p.DisplayName, "")
            .SetProperty(p => p.Anonymous, true)
            .SetProperty(p => p.UserId, (string?)null)
            .SetProperty(p => p.DeletedAt, now), ct);
        await db.ParticipantDevices.Where(d => d.ParticipantId == me.Id).ExecuteDeleteAsync(ct);
        await db.ParticipantChallenges.Where(c => c.ParticipantId == me.Id).ExecuteDeleteAsync(ct);
        await db.IdeaFollowers.Where(f => f.ParticipantId == me.Id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        session.ForgetDevice();
        TempData["Success"] = l["Din deltagelse er slettet. Dine idéer står tilbage uden navn, så andres likes og videreudviklinger ikke går tabt."].Value;
        return Redirect("/deltag");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool keepProfile = false)
    {
        var me = await session.CurrentOrFromAccountAsync(ct);
        if (me is null) return Redirect(ParticipationPages.JoinUrl("/deltag/mine"));
        var p = await db.Participants.Where(x => x.Id == me.Id).Select(x => new { x.Email, x.DisplayName, x.Anonymous, x.Level }).SingleAsync(ct);
        (Email, Level) = (p.Email, p.Level);
        if (!keepProfile) Profile = new ProfileInput { DisplayName = p.DisplayName, Anonymous = p.Anonymous };
        Ideas = await db.Ideas.Where(i => i.ParticipantId == me.Id).OrderByDescending(i => i.Id)
            .Select(i => new Contribution(i.Id, i.Title, i.Campaign!.Theme, i.Status, i.Visibility, i.LikeCount, i.CreatedAt,
                db.ModerationActions.Where(a => a.IdeaId == i.Id && a.CommentId == null).OrderByDescending(a => a.At).Select(a => a.Reason).FirstOrDefault()))
            .Take(200).ToListAsync(ct);
        Following = await db.IdeaFollowers.Where(f => f.ParticipantId == me.Id).OrderByDescending(f => f.CreatedAt)
            .Join(db.Ideas, f => f.IdeaId, i => i.Id, (f, i) => new Followed(i.Id, i.Title)).Take(200).ToListAsync(ct);
        LikeCount = await db.IdeaLikes.CountAsync(x => x.ParticipantId == me.Id, ct);
        Comments = await db.IdeaComments.Where(x => x.ParticipantId == me.Id).OrderByDescending(x => x.Id).Take(200)
            .Select(x => new MyComment(x.Id, x.IdeaId, db.Ideas.Where(i => i.Id == x.IdeaId).Select(i => i.Title).First(), x.Text, x.Visibility, x.CreatedAt)).ToListAsync(ct);
        return null;
    }
}
