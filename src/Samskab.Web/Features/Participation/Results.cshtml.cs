using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// A campaign's results for staff: who took part, ideas and likes, likes over time (a chart with its table), the top
/// ideas, the statuses; the ideas as CSV or XLSX (only what is public: the names people chose, no addresses).
/// </summary>
public class ResultsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Points = 8;

    public sealed record Top(int Id, string Title, int Likes, int BuildOns, IdeaStatus Status);
    public sealed record Point(DateOnly Day, int Likes);

    public int CampaignId { get; private set; }
    public string Theme { get; private set; } = "";
    public int Ideas { get; private set; }
    public int Likes { get; private set; }
    public int Authors { get; private set; }
    public int Likers { get; private set; }
    public int BuildOns { get; private set; }
    public IReadOnlyList<Top> TopIdeas { get; private set; } = [];
    public IReadOnlyList<(IdeaStatus Status, int Count)> Statuses { get; private set; } = [];
    public IReadOnlyList<Point> LikesOverTime { get; private set; } = [];
    public int JoinedByInvitation { get; private set; }
    public int Inviters { get; private set; }
    public int LongestChain { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var campaign = await AllowedAsync(id, ct);
        if (campaign.Refusal is not null) return campaign.Refusal;
        var published = db.Ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published);
        var totals = await published.GroupBy(_ => 1).Select(g => new { Ideas = g.Count(), Likes = g.Sum(i => i.LikeCount), BuildOns = g.Count(i => i.BuildsOnId != null) }).SingleOrDefaultAsync(ct);
        (Ideas, Likes, BuildOns) = (totals?.Ideas ?? 0, totals?.Likes ?? 0, totals?.BuildOns ?? 0);
        Authors = await published.Select(i => i.ParticipantId).Distinct().CountAsync(ct);
        Likers = await db.IdeaLikes.Where(x => published.Any(i => i.Id == x.IdeaId)).Select(x => x.ParticipantId).Distinct().CountAsync(ct);
        TopIdeas = await published.OrderByDescending(i => i.LikeCount).ThenBy(i => i.Id).Take(10)
            .Select(i => new Top(i.Id, i.Title, i.LikeCount, i.BuildOnCount, i.Status)).ToListAsync(ct);
        var statuses = await published.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Statuses = Enum.GetValues<IdeaStatus>().Select(s => (s, statuses.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();

        // Likes given up to each of eight days from the opening to today (or the closing): a fixed number of counts.
        var last = campaign.ClosesOn < clock.Today() ? campaign.ClosesOn : clock.Today();
        var span = Math.Max(1, last.DayNumber - campaign.OpensOn.DayNumber);
        var points = new List<Point>();
        for (var k = 1; k <= Points; k++)
        {
            var day = campaign.OpensOn.AddDays((int)Math.Round(span * k / (double)Points));
            var until = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            points.Add(new Point(day, await db.IdeaLikes.CountAsync(x => x.CreatedAt < until && published.Any(i => i.Id == x.IdeaId), ct)));
        }
        LikesOverTime = points;

        // Bring a friend: who joined through whom; the longest chain of invitations (A → B → C is 2).
        var invitations = await db.ParticipantInvitations.Where(i => i.CampaignId == id).Select(i => new { i.InviterId, i.InviteeId }).ToListAsync(ct);
        var invitedBy = invitations.GroupBy(i => i.InviteeId).ToDictionary(g => g.Key, g => g.First().InviterId);
        JoinedByInvitation = invitations.Count;
        Inviters = invitations.Select(i => i.InviterId).Distinct().Count();
        foreach (var invitee in invitedBy.Keys)
        {
            var depth = 0;
            var seen = new HashSet<int>();
            for (var at = invitee; invitedBy.TryGetValue(at, out var by) && seen.Add(at); at = by)
            {
                depth++;
            }
            LongestChain = Math.Max(LongestChain, depth);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        var campaign = await AllowedAsync(id, ct);
        if (campaign.Refusal is not null) return campaign.Refusal;
        return File(TableExport.Csv(Headers(), await RowsAsync(id, ct)), "text/csv; charset=utf-8", $"ideer-{id}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var campaign = await AllowedAsync(id, ct);
        if (campaign.Refusal is not null) return campaign.Refusal;
        return File(TableExport.Xlsx(l["Idéer"], Headers(), await RowsAsync(id, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ideer-{id}.xlsx");
    }

    private string[] Headers() =>
        [l["Nr."], l["Overskrift"], l["Beskrivelse"], l["Sted"], l["Skrevet af"], l["Status"], l["Synes godt om"], l["Bygger videre"], l["Bygger videre på nr."], l["Skrevet"], l["Besvaret"]];

    private async Task<IEnumerable<IReadOnlyList<string?>>> RowsAsync(int id, CancellationToken ct)
    {
        var rows = await db.Ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.Text, i.PlaceName, Author = i.Participant!.DeletedAt != null || i.Participant.Anonymous ? "" : i.Participant.DisplayName, i.Status, i.LikeCount, i.BuildOnCount, i.BuildsOnId, i.CreatedAt, i.AnsweredAt })
            .ToListAsync(ct);
        var c = CultureInfo.InvariantCulture;
        return rows.Select(i => (IReadOnlyList<string?>)
        [
            i.Id.ToString(c), i.Title, i.Text, i.PlaceName, string.IsNullOrEmpty(i.Author) ? l["Anonym"].Value : i.Author, l[IdeaRules.Status(i.Status)].Value,
            i.LikeCount.ToString(c), i.BuildOnCount.ToString(c), i.BuildsOnId?.ToString(c), i.CreatedAt.ToDanish().ToString("yyyy-MM-dd HH:mm", c), i.AnsweredAt?.ToDanish().ToString("yyyy-MM-dd", c),
        ]);
    }

    private async Task<(DateOnly OpensOn, DateOnly ClosesOn, IActionResult? Refusal)> AllowedAsync(int id, CancellationToken ct)
    {
        var c = await db.Campaigns.Where(x => x.Id == id).Select(x => new { x.Theme, x.OpensOn, x.ClosesOn }).SingleOrDefaultAsync(ct);
        if (c is null) return (default, default, NotFound());
        if (!await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.ManageCampaign)) return (default, default, this.Refuse());
        (CampaignId, Theme) = (id, c.Theme);
        return (c.OpensOn, c.ClosesOn, null);
    }
}
