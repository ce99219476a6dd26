using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Platforms;

/// <summary>
/// Decision by consent on a platform's change proposals: a proposal is adopted once every current member has agreed
/// and none objects. Everyone's response weighs the same; the coordinator's too.
/// </summary>
public sealed class Consent(AppDbContext db, PlatformLifecycle lifecycle, TimeProvider clock)
{
    /// <summary>
    /// Adopts the proposal if consent is reached, judged on the saved responses. Returns true when it was adopted.
    /// The caller saves.
    /// </summary>
    public async Task<bool> TryDecideAsync(ChangeProposal proposal, ClaimsPrincipal by, CancellationToken ct = default)
    {
        if (proposal.Status != ProposalStatus.Open)
        {
            return false;
        }
        var members = await db.PlatformMembers
            .Where(m => m.PlatformId == proposal.PlatformId && m.LeftOn == null)
            .Select(m => new { m.PersonId, m.Person!.Name })
            .ToListAsync(ct);
        var responses = await db.ProposalResponses.Where(r => r.ProposalId == proposal.Id).ToListAsync(ct);
        var agreed = responses.Where(r => r.Agrees).Select(r => r.PersonId).ToHashSet();
        if (members.Count == 0 || responses.Any(r => !r.Agrees) || !members.All(m => agreed.Contains(m.PersonId)))
        {
            return false;
        }
        var platform = await db.Platforms.SingleAsync(p => p.Id == proposal.PlatformId, ct);
        var change = new PlatformChange(proposal.Kind, proposal.Reason, proposal.NewFocus, proposal.MergeIntoId, proposal.ExpectedResumeOn);
        var names = members.Select(m => m.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
        var decided = TimelineEvents.ByConsent(names);
        var record = TimelineEvents.Danish([decided]);
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.DecisionRecord = record;
        if (await lifecycle.CheckAsync(platform, change, ct) is { } notApplicable)
        {
            // The platform changed since the proposal was made (e.g. it was closed meanwhile).
            proposal.Status = ProposalStatus.Superseded;
            proposal.DecisionRecord = record + " Kunne ikke gennemføres: " + notApplicable;
            return false;
        }
        proposal.Status = ProposalStatus.Adopted;
        await lifecycle.ApplyAsync(platform, change, by, byAnchorPerson: false, decided, ct);
        return true;
    }
}
