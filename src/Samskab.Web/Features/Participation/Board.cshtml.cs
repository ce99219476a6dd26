using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>An idea board: the question, the ideas sorted, filtered and searched, one keyset page at a time.</summary>
public class BoardModel(AppDbContext db, ParticipantSession session, IAuthorizationService auth, TimeProvider clock, Samskab.Web.Infrastructure.Web.LinkBuilder links) : PageModel
{
    public sealed record Header(int Id, CampaignType Type, string Theme, string Question, string? Description, string OrganisationName,
        DateOnly OpensOn, DateOnly ClosesOn, int IdeaCount, ModerationMode Moderation, int? InitiativeId);

    public Header Campaign { get; private set; } = null!;
    public IReadOnlyList<IdeaCard> Ideas { get; private set; } = [];
    public HashSet<int> Liked { get; private set; } = [];
    public bool SignedUp { get; private set; }
    public bool Open { get; private set; }
    public bool NotYetOpen { get; private set; }
    public bool CanManage { get; private set; }
    public int Waiting { get; private set; }
    public string? NextCursor { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortering")]
    public string? SortKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public IdeaStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "efter")]
    public string? After { get; set; }

    /// <summary>A friend's invitation code from the link they shared.</summary>
    [BindProperty(SupportsGet = true, Name = "ven")]
    public string? Invitation { get; set; }

    /// <summary>The participant's own link to share, while the campaign is open.</summary>
    public string? InviteLink { get; private set; }

    public IdeaSort Sort => IdeaRules.ParseSort(SortKey);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var header = await db.Campaigns.Where(c => c.Id == id)
            .Select(c => new Header(c.Id, c.Type, c.Theme, c.Question, c.Description, c.OrganisationName, c.OpensOn, c.ClosesOn, c.IdeaCount, c.Moderation, c.InitiativeId))
            .SingleOrDefaultAsync(ct);
        if (header is null) return NotFound();
        Campaign = header;
        var today = clock.Today();
        Open = today >= header.OpensOn && today <= header.ClosesOn;
        NotYetOpen = today < header.OpensOn;
        if (Status is IdeaStatus s && !Enum.IsDefined(s)) Status = null;
        Query = Query?.Trim();
        if (Query?.Length > 200) Query = Query[..200];

        var words = IdeaSearch.Words(Query);
        var ideas = words.Count > 0 ? db.IdeasMatching(words) : db.Ideas;
        ideas = ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published);
        if (Status is IdeaStatus status) ideas = ideas.Where(i => i.Status == status);
        var page = await ideas.Sorted(Sort, After).Cards().Take(IdeaRules.PageSize + 1).ToListAsync(ct);
        if (page.Count > IdeaRules.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            NextCursor = IdeaQueries.Cursor(Sort, page[^1]);
        }
        Ideas = page;

        var participant = await session.CurrentAsync(ct);
        SignedUp = participant is not null || User.Identity?.IsAuthenticated == true;
        if (!SignedUp && Open && Invitation is { Length: > 0 and <= 20 } code && code.All(char.IsAsciiHexDigitLower)
            && await db.Participants.AnyAsync(p => p.InviteCode == code && p.DeletedAt == null, ct))
        {
            session.RememberInvitation(id, code);
        }
        if (Open && participant?.InviteCode is { } own)
        {
            InviteLink = links.Absolute($"/indsamlinger/{id}?ven={own}");
        }
        Liked = await db.LikedAsync(participant?.Id, page.Select(i => i.Id).ToList(), ct);
        if (User.Identity?.IsAuthenticated == true)
        {
            CanManage = await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.ModerateCampaign);
            if (CanManage)
            {
                Waiting = await db.Ideas.CountAsync(i => i.CampaignId == id && (i.AwaitsModerator || i.Visibility == IdeaVisibility.Pending), ct);
            }
        }
        return Page();
    }

    public string PageUrl(string? after = null, IdeaSort? sort = null, IdeaStatus? status = null, bool clearStatus = false)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Query)) parts.Add("q=" + Uri.EscapeDataString(Query));
        var s = sort ?? Sort;
        if (s != IdeaSort.Newest) parts.Add("sortering=" + IdeaRules.SortKey(s));
        var st = clearStatus ? null : status ?? Status;
        if (st is not null) parts.Add("status=" + st);
        if (after is not null) parts.Add("efter=" + Uri.EscapeDataString(after));
        return $"/indsamlinger/{Campaign.Id}" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
