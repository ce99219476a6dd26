using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>The citizens' door: the open campaigns first, then the initiatives working in the area.</summary>
public class IndexModel(AppDbContext db, ParticipantSession session, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public sealed record CampaignRow(int Id, CampaignType Type, string Theme, string Question, string OrganisationName, DateOnly OpensOn, DateOnly ClosesOn, int IdeaCount);
    public sealed record Managed(int Id, string Theme, int Waiting);
    public sealed record InitiativeRow(string Title, string SharedChallenge, DateOnly StartDate);

    public IReadOnlyList<CampaignRow> Open { get; private set; } = [];
    public IReadOnlyList<CampaignRow> Closed { get; private set; } = [];
    public IReadOnlyList<Managed> Mine { get; private set; } = [];
    public IReadOnlyList<InitiativeRow> Initiatives { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool Participates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Open = await db.Campaigns.Where(c => c.ClosesOn >= today).OrderBy(c => c.ClosesOn).Take(50)
            .Select(c => new CampaignRow(c.Id, c.Type, c.Theme, c.Question, c.OrganisationName, c.OpensOn, c.ClosesOn, c.IdeaCount)).ToListAsync(ct);
        Closed = await db.Campaigns.Where(c => c.ClosesOn < today).OrderByDescending(c => c.ClosesOn).Take(10)
            .Select(c => new CampaignRow(c.Id, c.Type, c.Theme, c.Question, c.OrganisationName, c.OpensOn, c.ClosesOn, c.IdeaCount)).ToListAsync(ct);
        Initiatives = await db.Initiatives.OrderByDescending(i => i.StartDate).Take(50)
            .Select(i => new InitiativeRow(i.Title, i.SharedChallenge, i.StartDate)).ToListAsync(ct);
        Participates = await session.CurrentAsync(ct) is not null;
        if (User.Identity?.IsAuthenticated == true)
        {
            Participates = true;
            CanCreate = await this.CanAsync(auth, AccessScope.Site, Operation.CreateCampaign);
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var admin = User.IsInRole(RoleNames.Administrator);
            Mine = await db.Campaigns
                .Where(c => admin || c.Managers.Any(m => m.UserId == userId)
                    || db.InitiativeMembers.Any(m => m.InitiativeId == c.InitiativeId && m.Role == Samskab.Web.Features.Initiatives.InitiativeRole.AnchorPerson && m.Person!.UserId == userId))
                .OrderByDescending(c => c.ClosesOn).Take(50)
                .Select(c => new Managed(c.Id, c.Theme, db.Ideas.Count(i => i.CampaignId == c.Id && (i.AwaitsModerator || i.Visibility == IdeaVisibility.Pending))
                    + db.IdeaComments.Count(x => (x.AwaitsModerator || x.Visibility == IdeaVisibility.Pending) && db.Ideas.Any(i => i.Id == x.IdeaId && i.CampaignId == c.Id))))
                .ToListAsync(ct);
        }
    }
}
