using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// An area's public page: who the forum and the bridge builders are, what the municipality asks the area, and the
/// requests with their answers (newest first, keyset-paged). A fixed number of queries whatever the area holds.
/// </summary>
public class AreaModel(AppDbContext db, ParticipantSession session, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record BridgeBuilder(string Name, string? Presentation, string? ImageKey);
    public sealed record CampaignRow(int Id, CampaignType Type, string Theme, string Question, DateOnly ClosesOn);
    public sealed record RequestRow(int Id, string Title, RequestCategory Category, RequestState State, string? LatestAnswer, string? Department,
        DateOnly? ExpectedOn, DateTimeOffset CreatedAt, DateOnly AnswerDueOn, DateTimeOffset? FirstAnsweredAt, int MessageCount, int ReopenCount);

    public LocalArea Area { get; private set; } = null!;
    public IReadOnlyList<string> Places { get; private set; } = [];
    public IReadOnlyList<BridgeBuilder> BridgeBuilders { get; private set; } = [];
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];
    public int? Next { get; private set; }
    public DateOnly Today { get; private set; }
    public bool Follows { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanHandle { get; private set; }

    [BindProperty(SupportsGet = true, Name = "efter")]
    public int? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "tilstand")]
    public RequestState? State { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostFollowAsync(int id, CancellationToken ct)
    {
        if (!await db.LocalAreas.AnyAsync(a => a.Id == id, ct)) return NotFound();
        var (participant, join) = await this.ParticipantForWriteAsync(session, $"/lokalomraader/{id}");
        if (join is not null) return join;
        if (!await this.CanAsync(auth, AccessScope.ForArea(id), Operation.FollowArea)) return Forbid();
        if (!await db.AreaFollowers.AnyAsync(f => f.AreaId == id && f.ParticipantId == participant!.Id, ct))
        {
            var now = clock.GetUtcNow();
            db.AreaFollowers.Add(new AreaFollower { AreaId = id, ParticipantId = participant!.Id, Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), CreatedAt = now, DigestedUntil = now });
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = l["Du følger nu lokalområdet og får en mail, når der er nye henvendelser, svar og indsamlinger."].Value;
        return Redirect($"/lokalomraader/{id}");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(int id, CancellationToken ct)
    {
        var participant = await session.CurrentOrFromAccountAsync(ct);
        if (participant is null) return await this.RefuseParticipantAsync(session);
        await db.AreaFollowers.Where(f => f.AreaId == id && f.ParticipantId == participant.Id).ExecuteDeleteAsync(ct);
        TempData["Success"] = l["Du følger ikke længere lokalområdet."].Value;
        return Redirect($"/lokalomraader/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var area = await db.LocalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (area is null) return NotFound();
        Area = area;
        Places = AreaRules.PlaceList(area.Places);
        Today = clock.Today();
        BridgeBuilders = await db.AreaBridgeBuilders.Where(b => b.AreaId == id).OrderBy(b => b.AddedAt)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new BridgeBuilder(u.DisplayName, b.Presentation, b.ImageKey)).ToListAsync(ct);
        Campaigns = await db.Campaigns.Where(c => c.LocalAreaId == id && c.ClosesOn >= Today && c.OpensOn <= Today).OrderBy(c => c.ClosesOn).Take(20)
            .Select(c => new CampaignRow(c.Id, c.Type, c.Theme, c.Question, c.ClosesOn)).ToListAsync(ct);
        var requests = db.AreaRequests.Where(r => r.AreaId == id);
        if (State is RequestState s && Enum.IsDefined(s)) requests = requests.Where(r => r.State == s);
        if (After is int after) requests = requests.Where(r => r.Id < after);
        var page = await requests.OrderByDescending(r => r.Id).Take(AreaRules.PageSize + 1)
            .Select(r => new RequestRow(r.Id, r.Title, r.Category, r.State, r.LatestAnswer, r.Department, r.ExpectedOn, r.CreatedAt, r.AnswerDueOn, r.FirstAnsweredAt, r.MessageCount, r.ReopenCount))
            .ToListAsync(ct);
        if (page.Count > AreaRules.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            Next = page[^1].Id;
        }
        Requests = page;
        var participant = await session.CurrentAsync(ct);
        Follows = participant is not null && await db.AreaFollowers.AnyAsync(f => f.AreaId == id && f.ParticipantId == participant.Id, ct);
        if (User.Identity?.IsAuthenticated == true)
        {
            CanManage = await this.CanAsync(auth, AccessScope.Site, Operation.ManageLocalAreas);
            CanHandle = await this.CanAsync(auth, AccessScope.ForArea(id), Operation.HandleAreaRequest);
        }
        return null;
    }
}
