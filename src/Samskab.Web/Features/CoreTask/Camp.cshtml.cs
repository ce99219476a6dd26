using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>
/// The citizen camp (borgercamp): the chosen core task's public page, and the idea board where citizens and actors
/// propose new ways to solve it. Before it is published only the process's participants see the page, and its owners
/// publish it from here.
/// </summary>
public class CampModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class OpenInput
    {
        public string? Question { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public ModerationMode Moderation { get; set; } = ModerationMode.AfterPublication;
    }

    public sealed record IdeaRow(int Id, string Title, int Likes, int Comments);

    public sealed record Story(int Participants, int Citizens, int Material, int Insights, int Validations, int Versions);

    public CoreTaskHead Head { get; private set; } = null!;
    public bool CanView { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? CoreTask { get; private set; }
    public Story Numbers { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public int? CampaignId { get; private set; }
    public string? CampaignQuestion { get; private set; }
    public DateOnly? ClosesOn { get; private set; }
    public bool IsOpen { get; private set; }
    public int IdeaCount { get; private set; }
    public IReadOnlyList<IdeaRow> Ideas { get; private set; } = [];

    public const int IdeasShown = 10;

    [BindProperty] public OpenInput Open { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        Open.Question ??= l["Hvordan kan vi sammen løse kerneopgaven på nye måder?"];
        Open.ClosesOn ??= Today.AddDays(30);
        return Page();
    }

    /// <summary>An owner publishes the chosen core task and opens the camp's idea board.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!Head.CanManage) return this.Refuse();
        if (PublishedAt is not null)
        {
            TempData["Success"] = l["Borgercampen er allerede åben."].Value;
            return Redirect($"/kerneopgave/{id}/borgercamp");
        }
        if (Head.Phase != CoreTaskPhase.CitizenCamp || Head.ChosenFormulationId is null || CoreTask is null)
        {
            ModelState.AddModelError("Open.Question", l["Borgercampen kan åbnes, når en formulering er valgt, og forløbet er i fasen »Borgercamp«."]);
            return Page();
        }
        var question = Open.Question?.Trim() ?? "";
        if (question.Length == 0)
        {
            ModelState.AddModelError("Open.Question", l["Skriv det spørgsmål, borgerne skal svare på."]);
        }
        else if (question.Length > CoreTaskRules.QuestionLength)
        {
            ModelState.AddModelError("Open.Question", l["Spørgsmålet må højst være 500 tegn."]);
        }
        if (ModelState.TryGetValue("Open.ClosesOn", out var bound) && bound.Errors.Count > 0)
        {
            // Not a date: the binder's message stands, with what was typed.
        }
        else if (Open.ClosesOn is not DateOnly closes)
        {
            ModelState.AddModelError("Open.ClosesOn", l["Skriv, hvornår borgercampen lukker for nye forslag."]);
        }
        else if (closes < Today || closes > Today.AddYears(1))
        {
            ModelState.AddModelError("Open.ClosesOn", l["Borgercampen skal lukke mellem i dag og om et år."]);
        }
        if (!Enum.IsDefined(Open.Moderation) || ModelState.TryGetValue("Open.Moderation", out var mode) && mode.Errors.Count > 0)
        {
            ModelState.Remove("Open.Moderation");
            ModelState.AddModelError("Open.Moderation", l["Vælg, hvornår forslagene bliver set igennem."]);
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var theme = l["Borgercamp: {0}", Head.UnitName].Value;
        var campaign = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = theme.Length > 200 ? theme[..200] : theme,
            Question = question,
            Description = CoreTask,
            OrganisationName = Head.UnitName,
            OpensOn = Today,
            ClosesOn = Open.ClosesOn!.Value,
            InitiativeId = Head.InitiativeId,
            Moderation = Open.Moderation,
            CreatedAt = now,
            CreatedByUserId = userId,
        };
        campaign.Managers.Add(new CampaignManager { UserId = userId, AddedAt = now });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        // Two owners publishing at once: only the first opens a camp.
        var published = await db.CoreTaskProcesses.Where(p => p.Id == id && p.CampPublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CampPublishedAt, now).SetProperty(p => p.CampCampaignId, campaign.Id).SetProperty(p => p.Version, Guid.NewGuid()), ct);
        if (published == 0)
        {
            await tx.RollbackAsync(ct);
            TempData["Success"] = l["Borgercampen er allerede åben."].Value;
            return Redirect($"/kerneopgave/{id}/borgercamp");
        }
        await tx.CommitAsync(ct);
        TempData["Success"] = l["Borgercampen er åben. Del siden med borgerne."].Value;
        return Redirect($"/kerneopgave/{id}/borgercamp");
    }

    private DateOnly Today => clock.Today();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var head = await access.LoadAsync(id, User, ct);
        if (head is null) return NotFound();
        Head = head;
        CanView = await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.ViewCoreTaskProcess);
        var camp = await db.CoreTaskProcesses.Where(p => p.Id == id)
            .Select(p => new
            {
                p.CampPublishedAt,
                p.CampCampaignId,
                CoreTask = db.FormulationVersions.Where(v => v.FormulationId == p.ChosenFormulationId).OrderByDescending(v => v.Number).Select(v => v.Text).FirstOrDefault(),
            })
            .SingleAsync(ct);
        // Not published: the page does not exist for anyone outside the process.
        if (camp.CampPublishedAt is null && !CanView)
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
        PublishedAt = camp.CampPublishedAt;
        CoreTask = camp.CoreTask;
        var story = await db.CoreTaskProcesses.Where(p => p.Id == id)
            .Select(p => new Story(
                db.CoreTaskParticipants.Count(x => x.ProcessId == id),
                db.CoreTaskParticipants.Count(x => x.ProcessId == id && x.Role == CoreTaskRole.Citizen),
                db.CoreTaskMaterials.Count(x => x.ProcessId == id),
                db.CoreTaskInsights.Count(x => x.ProcessId == id),
                db.InsightValidations.Count(v => db.CoreTaskInsights.Any(x => x.Id == v.InsightId && x.ProcessId == id)),
                db.FormulationVersions.Count(v => v.FormulationId == p.ChosenFormulationId)))
            .SingleAsync(ct);
        Numbers = story;
        CampaignId = camp.CampCampaignId;
        if (CampaignId is int campaignId)
        {
            var campaign = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => new { c.Question, c.OpensOn, c.ClosesOn }).SingleAsync(ct);
            CampaignQuestion = campaign.Question;
            ClosesOn = campaign.ClosesOn;
            IsOpen = Today >= campaign.OpensOn && Today <= campaign.ClosesOn;
            IdeaCount = await db.Ideas.CountAsync(i => i.CampaignId == campaignId && i.Visibility == IdeaVisibility.Published, ct);
            Ideas = await db.Ideas.Where(i => i.CampaignId == campaignId && i.Visibility == IdeaVisibility.Published)
                .OrderByDescending(i => i.LikeCount).ThenByDescending(i => i.Id).Take(IdeasShown)
                .Select(i => new IdeaRow(i.Id, i.Title, i.LikeCount, i.CommentCount)).ToListAsync(ct);
        }
        return null;
    }
}
