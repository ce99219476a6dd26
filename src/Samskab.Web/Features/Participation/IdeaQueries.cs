using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>One idea as a card on the board (and in the API).</summary>
public sealed record IdeaCard(int Id, string Title, string Excerpt, string? PlaceName, string AuthorName, IdeaStatus Status,
    int LikeCount, int BuildOnCount, string? ImageKey, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, int? BuildsOnId, int CommentCount);

/// <summary>The like button's state; rendered on the board, on the idea, and as the htmx answer to a like.</summary>
public sealed record LikeButton(int IdeaId, int Count, bool Liked, bool SignedUp, bool Open, string ReturnUrl, bool Vote = false);

/// <summary>
/// The board's reads: sorted by an index, paged by keyset (a cursor "value.id" of the last card shown), so the first
/// page and the thousandth cost the same.
/// </summary>
public static class IdeaQueries
{
    public static IQueryable<IdeaCard> Cards(this IQueryable<Idea> ideas) => ideas.Select(i => new IdeaCard(
        i.Id, i.Title, Excerpt(i.Text.Substring(0, 240), i.Text.Length > 240), i.PlaceName,
        i.Participant!.DeletedAt != null || i.Participant.Anonymous ? "" : i.Participant.DisplayName,
        i.Status, i.LikeCount, i.BuildOnCount, i.ImageKey, i.CreatedAt, i.AnsweredAt, i.BuildsOnId, i.CommentCount));

    /// <summary>Applied to what the database cut: the start of the text, and a mark when there is more.</summary>
    public static string Excerpt(string start, bool more) => more ? start + "…" : start;

    public static IQueryable<Idea> Sorted(this IQueryable<Idea> ideas, IdeaSort sort, string? after)
    {
        var (value, id) = ParseCursor(after);
        switch (sort)
        {
            case IdeaSort.MostLiked:
                if (id is int li) ideas = ideas.Where(i => i.LikeCount < value || (i.LikeCount == value && i.Id < li));
                return ideas.OrderByDescending(i => i.LikeCount).ThenByDescending(i => i.Id);
            case IdeaSort.MostDeveloped:
                if (id is int di) ideas = ideas.Where(i => i.BuildOnCount < value || (i.BuildOnCount == value && i.Id < di));
                return ideas.OrderByDescending(i => i.BuildOnCount).ThenByDescending(i => i.Id);
            case IdeaSort.RecentlyAnswered:
                ideas = ideas.Where(i => i.AnsweredAt != null);
                if (id is int ai)
                {
                    var at = new DateTimeOffset(value, TimeSpan.Zero);
                    ideas = ideas.Where(i => i.AnsweredAt < at || (i.AnsweredAt == at && i.Id < ai));
                }
                return ideas.OrderByDescending(i => i.AnsweredAt).ThenByDescending(i => i.Id);
            default:
                if (id is int ni) ideas = ideas.Where(i => i.Id < ni);
                return ideas.OrderByDescending(i => i.Id);
        }
    }

    public static string Cursor(IdeaSort sort, IdeaCard last) => sort switch
    {
        IdeaSort.MostLiked => $"{last.LikeCount}.{last.Id}",
        IdeaSort.MostDeveloped => $"{last.BuildOnCount}.{last.Id}",
        IdeaSort.RecentlyAnswered => $"{last.AnsweredAt!.Value.UtcTicks}.{last.Id}",
        _ => $"0.{last.Id}",
    };

    public static (long Value, int? Id) ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 60) return (0, null);
        var parts = cursor.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && id > 0
            ? (value, id)
            : (0, null);
    }

    public static async Task<HashSet<int>> LikedAsync(this AppDbContext db, int? participantId, IReadOnlyCollection<int> ideaIds, CancellationToken ct)
    {
        if (participantId is not int p || ideaIds.Count == 0) return [];
        var liked = await db.IdeaLikes.Where(x => x.ParticipantId == p && ideaIds.Contains(x.IdeaId)).Select(x => x.IdeaId).ToListAsync(ct);
        return liked.ToHashSet();
    }
}
