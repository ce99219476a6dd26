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
        DateOnly OpensOn, DateOnly ClosesOn, int IdeaCount, ModerationMode Moderation, int? InitiativeId,
        DateOnly? VoteOpensOn, DateOnly? VoteClosesOn, int? WinnerIdeaId, string? WinnerTitle, string? WinnerText);

    public sealed record ThemeTop(int Id, string Title, int LikeCount);
    public sealed record ThemeGroup(int Id, string Name, int Count, List<ThemeTop> Top);

    /// <summary>The themes staff grouped the contributions into, with their counts (and for a wish list the most liked).</summary>
    public IReadOnlyList<ThemeGroup> Themes { get; private set; } = [];

    /// <summary>Likes (votes in a competition) are taken today.</summary>
    public bool LikesOpen { get; private set; }
    public bool Vote => Campaign.Type == CampaignType.Competition;

    [BindProperty(SupportsGet = true, Name = "tema")]
    public int? ThemeId { get; set; }

    /// <summary>A wish list's first view: the themes with their most liked wishes above the list of all.</summary>
    public bool Grouped => Campaign.Type == CampaignType.WishList && Themes.Count > 0 && string.IsNullOrEmpty(Query) && Status is null && ThemeId is null && string.IsNullOrEmpty(After);

    public Header Campaign { get; private set; } = null!;
    public IReadOnlyList<IdeaCard> Ideas { get; private set; } = [];
    public HashSet<int> Liked { get; private set; } = [];
    public bool SignedUp { get; private set; }
    public bool Open { get; private set; }
    public bool NotYetOpen { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanGroup { get; private set; }
    public bool CanJudge { get; private set; }
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
            .Select(c => new Header(c.Id, c.Type, c.Theme, c.Question, c.Description, c.OrganisationName, c.OpensOn, c.ClosesOn, c.IdeaCount, c.Moderation, c.InitiativeId,
                c.VoteOpensOn, c.VoteClosesOn, c.WinnerIdeaId,
                db.Ideas.Where(i => i.Id == c.WinnerIdeaId && i.Visibility == IdeaVisibility.Published).Select(i => i.Title).FirstOrDefault(), c.WinnerText))
            .SingleOrDefaultAsync(ct);
        if (header is null) return NotFound();
        Campaign = header;
        var today = clock.Today();
        Open = today >= header.OpensOn && today <= header.ClosesOn;
        NotYetOpen = today < header.OpensOn;
        LikesOpen = Samskab.Web.Features.Participation.Campaign.LikesOpenOn(header.Type, header.OpensOn, header.ClosesOn, header.VoteOpensOn, header.VoteClosesOn, today);
        if (Status is IdeaStatus s && !Enum.IsDefined(s)) Status = null;
        Query = Query?.Trim();
        if (Query?.Length > 200) Query = Query[..200];

        var top = header.Type == CampaignType.WishList && string.IsNullOrEmpty(Query) && Status is null && ThemeId is null && string.IsNullOrEmpty(After) ? 5 : 0;
        Themes = await db.CampaignThemes.Where(t => t.CampaignId == id).OrderBy(t => t.Name)
            .Select(t => new ThemeGroup(t.Id, t.Name,
                db.Ideas.Count(i => i.CampaignId == id && i.ThemeId == t.Id && i.Visibility == IdeaVisibility.Published),
                db.Ideas.Where(i => i.CampaignId == id && i.ThemeId == t.Id && i.Visibility == IdeaVisibility.Published)
                    .OrderByDescending(i => i.LikeCount).ThenByDescending(i => i.Id).Take(top)
                    .Select(i => new ThemeTop(i.Id, i.Title, i.LikeCount)).ToList()))
            .Take(IdeaRules.MaxThemes).ToListAsync(ct);
        if (ThemeId is int chosen && !Themes.Any(t => t.Id == chosen)) ThemeId = null;
        var words = IdeaSearch.Words(Query);
        var ideas = words.Count > 0 ? db.IdeasMatching(words) : db.Ideas;
        ideas = ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published);
        if (Status is IdeaStatus status) ideas = ideas.Where(i => i.Status == status);
        if (ThemeId is int themeId) ideas = ideas.Where(i => i.ThemeId == themeId);
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
            CanGroup = await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.GroupIdeas);
            CanJudge = header.Type == CampaignType.Competition && await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.JudgeCompetition);
            if (CanManage)
            {
                Waiting = await db.Ideas.CountAsync(i => i.CampaignId == id && (i.AwaitsModerator || i.Visibility == IdeaVisibility.Pending), ct)
                    + await db.IdeaComments.CountAsync(c => (c.AwaitsModerator || c.Visibility == IdeaVisibility.Pending) && db.Ideas.Any(i => i.Id == c.IdeaId && i.CampaignId == id), ct);
            }
        }
        return Page();
    }

    public string PageUrl(string? after = null, IdeaSort? sort = null, IdeaStatus? status = null, bool clearStatus = false, int? theme = null)
    {
        var parts = new List<string>();
        var th = theme ?? ThemeId;
        if (th is not null) parts.Add("tema=" + th);
        if (!string.IsNullOrEmpty(Query)) parts.Add("q=" + Uri.EscapeDataString(Query));
        var s = sort ?? Sort;
        if (s != IdeaSort.Newest) parts.Add("sortering=" + IdeaRules.SortKey(s));
        var st = clearStatus ? null : status ?? Status;
        if (st is not null) parts.Add("status=" + st);
        if (after is not null) parts.Add("efter=" + Uri.EscapeDataString(after));
        return $"/indsamlinger/{Campaign.Id}" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
