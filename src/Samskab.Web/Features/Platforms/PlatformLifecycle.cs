using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Platforms;

/// <summary>What a change to a platform asks for; the same whether a platform decided it or the anchor person did.</summary>
public sealed record PlatformChange(ProposalKind Kind, string Reason, string? NewFocus = null, int? MergeIntoId = null, DateOnly? ExpectedResumeOn = null);

/// <summary>
/// The tool "Changes on the development platforms" (seed 001): standby, resume, close, merge and new focus. Checks that
/// a change applies, carries it out, and writes it to the timeline. Returns a Danish message when it does not apply.
/// </summary>
public sealed class PlatformLifecycle(AppDbContext db, TimeProvider clock)
{
    /// <summary>Returns null when the change can be made, otherwise why not (a resource key in Danish).</summary>
    public async Task<string?> CheckAsync(DevelopmentPlatform platform, PlatformChange change, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(change.Reason) && change.Kind != ProposalKind.Resume)
        {
            return "Skriv en begrundelse.";
        }
        switch (change.Kind)
        {
            case ProposalKind.Focus:
                if (platform.Status is PlatformStatus.Closed or PlatformStatus.Merged) return "Platformen er lukket.";
                if (string.IsNullOrWhiteSpace(change.NewFocus)) return "Skriv det nye fokus.";
                break;
            case ProposalKind.Standby:
                if (platform.Status != PlatformStatus.Active) return "Kun en aktiv platform kan sættes på standby.";
                if (change.ExpectedResumeOn is { } resume && resume <= today) return "Den forventede genstart skal ligge efter i dag.";
                break;
            case ProposalKind.Resume:
                if (platform.Status != PlatformStatus.Standby) return "Kun en platform på standby kan genoptages.";
                break;
            case ProposalKind.Close:
                if (platform.Status is PlatformStatus.Closed or PlatformStatus.Merged) return "Platformen er allerede lukket.";
                break;
            case ProposalKind.Merge:
                if (platform.Status is PlatformStatus.Closed or PlatformStatus.Merged) return "Platformen er lukket.";
                if (change.MergeIntoId is not int targetId) return "Vælg den platform, der skal lægges sammen med.";
                if (targetId == platform.Id) return "En platform kan ikke lægges sammen med sig selv.";
                var target = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == targetId, ct);
                if (target is null || target.InitiativeId != platform.InitiativeId) return "Vælg en platform i samme initiativ.";
                if (target.Status is PlatformStatus.Closed or PlatformStatus.Merged) return "Der kan ikke lægges sammen med en lukket platform.";
                break;
        }
        return null;
    }

    /// <summary>Carries out a change that <see cref="CheckAsync"/> accepted. The caller saves.</summary>
    public async Task ApplyAsync(DevelopmentPlatform platform, PlatformChange change, ClaimsPrincipal by, bool byAnchorPerson, HistoryPart decidedHow, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reason = change.Reason.Trim();
        platform.Version++;
        switch (change.Kind)
        {
            case ProposalKind.Focus:
                var old = platform.FocusArea;
                platform.FocusArea = change.NewFocus!.Trim();
                db.Append(by, now, platform.InitiativeId, platform.Id, (old is null
                    ? TimelineEvents.Event("platform.focus", "platform.focus.first", platform.Name, platform.FocusArea)
                    : TimelineEvents.Event("platform.focus", "platform.focus", platform.Name, platform.FocusArea, old)).Then(decidedHow), reason, byAnchorPerson);
                break;
            case ProposalKind.Standby:
                platform.Status = PlatformStatus.Standby;
                platform.StatusReason = reason;
                platform.ExpectedResumeOn = change.ExpectedResumeOn;
                db.Append(by, now, platform.InitiativeId, platform.Id, (change.ExpectedResumeOn is { } d
                    ? TimelineEvents.Event("platform.standby", "platform.standby.until", platform.Name, TimelineEvents.Day(d))
                    : TimelineEvents.Event("platform.standby", "platform.standby", platform.Name)).Then(decidedHow), reason, byAnchorPerson);
                break;
            case ProposalKind.Resume:
                platform.Status = PlatformStatus.Active;
                platform.StatusReason = null;
                platform.ExpectedResumeOn = null;
                db.Append(by, now, platform.InitiativeId, platform.Id, TimelineEvents.Event("platform.resumed", "platform.resumed", platform.Name).Then(decidedHow), reason, byAnchorPerson);
                break;
            case ProposalKind.Close:
                platform.Status = PlatformStatus.Closed;
                platform.StatusReason = reason;
                platform.ExpectedResumeOn = null;
                db.Append(by, now, platform.InitiativeId, platform.Id, TimelineEvents.Event("platform.closed", "platform.closed", platform.Name).Then(decidedHow), reason, byAnchorPerson);
                break;
            case ProposalKind.Merge:
                var target = await db.Platforms.Include(p => p.Members).SingleAsync(p => p.Id == change.MergeIntoId, ct);
                var current = await db.PlatformMembers.Where(m => m.PlatformId == platform.Id && m.LeftOn == null).ToListAsync(ct);
                var alreadyThere = target.Members.Where(m => m.LeftOn == null).Select(m => m.PersonId).ToHashSet();
                foreach (var member in current)
                {
                    member.LeftOn = today;
                    member.LeftReason = $"Platformen blev lagt sammen med {target.Name}";
                    if (alreadyThere.Add(member.PersonId))
                    {
                        target.Members.Add(new PlatformMember { PersonId = member.PersonId, JoinedOn = today });
                    }
                }
                // The method carries the merged platform's goals over to the platform it joins.
                foreach (var goal in await db.Goals.Where(g => g.PlatformId == platform.Id).ToListAsync(ct))
                {
                    goal.PlatformId = target.Id;
                }
                platform.Status = PlatformStatus.Merged;
                platform.MergedIntoId = target.Id;
                platform.StatusReason = reason;
                target.Version++;
                db.Append(by, now, platform.InitiativeId, platform.Id, TimelineEvents.Event("platform.merged", "platform.merged", platform.Name, target.Name).Then(decidedHow), reason, byAnchorPerson);
                db.Append(by, now, platform.InitiativeId, target.Id, TimelineEvents.Event("platform.merged-in", "platform.merged-in", platform.Name, target.Name).Then(decidedHow), reason, byAnchorPerson);
                break;
        }
    }

    /// <summary>A platform's own history plus that of every platform merged into it, as the method asks.</summary>
    public async Task<List<int>> LineageAsync(int platformId, CancellationToken ct = default)
    {
        var ids = new List<int> { platformId };
        for (var i = 0; i < ids.Count && ids.Count < 100; i++)
        {
            var id = ids[i];
            ids.AddRange(await db.Platforms.Where(p => p.MergedIntoId == id).Select(p => p.Id).ToListAsync(ct));
        }
        return ids;
    }
}
