using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// The citizens' campaigns as JSON: public, as the pages are (only published ideas, only the names people chose).
/// Lists of ideas are paged by keyset: pass the answer's <c>next</c> as <c>after</c>.
/// </summary>
public static class CampaignsApi
{
    public sealed record CampaignSummary(int Id, string Type, string Theme, string Question, string Organisation, DateOnly OpensOn, DateOnly ClosesOn, bool Open, int Ideas);
    public sealed record CampaignDetail(int Id, string Type, string Theme, string Question, string? Description, string Organisation, DateOnly OpensOn, DateOnly ClosesOn,
        bool Open, int Ideas, string Moderation, int? InitiativeId);
    public sealed record IdeaItem(int Id, string Title, string Excerpt, string? Place, string Author, string Status, int Likes, int BuildOns, int? BuildsOn, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);
    public sealed record IdeaPage(IReadOnlyList<IdeaItem> Items, string? Next);
    public sealed record StatusChange(string Status, string Answer, int? PlatformId, int? MergedInto, string By, DateTimeOffset At);
    public sealed record FamilyMember(int Id, string Title, int? BuildsOn, int Likes);
    public sealed record IdeaDetail(int Id, int CampaignId, string Title, string Text, string? Place, string Author, string Status, int Likes, int BuildOns,
        int? BuildsOn, DateTimeOffset CreatedAt, IReadOnlyList<StatusChange> StatusHistory, IReadOnlyList<FamilyMember> Family);

    private static IdeaItem Item(IdeaCard c) => new(c.Id, c.Title, c.Excerpt, c.PlaceName, c.AuthorName, c.Status.ToString(), c.LikeCount, c.BuildOnCount, c.BuildsOnId, c.CreatedAt, c.AnsweredAt);

    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Samskab").DisableAntiforgery().AllowAnonymous();

        api.MapGet("/campaigns", async (AppDbContext db, TimeProvider clock) =>
        {
            var today = clock.Today();
            var rows = await db.Campaigns.OrderByDescending(c => c.ClosesOn).ThenBy(c => c.Id).Take(500)
                .Select(c => new { c.Id, c.Type, c.Theme, c.Question, c.OrganisationName, c.OpensOn, c.ClosesOn, c.IdeaCount }).ToListAsync();
            return rows.Select(c => new CampaignSummary(c.Id, c.Type.ToString(), c.Theme, c.Question, c.OrganisationName, c.OpensOn, c.ClosesOn,
                today >= c.OpensOn && today <= c.ClosesOn, c.IdeaCount)).ToList();
        }).WithName("ListCampaigns").WithSummary("Campaigns for citizens (public)");

        api.MapGet("/campaigns/{id:int}", async (int id, AppDbContext db, TimeProvider clock) =>
        {
            var c = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
            if (c is null) return Results.NotFound();
            var today = clock.Today();
            return Results.Ok(new CampaignDetail(c.Id, c.Type.ToString(), c.Theme, c.Question, c.Description, c.OrganisationName, c.OpensOn, c.ClosesOn,
                today >= c.OpensOn && today <= c.ClosesOn, c.IdeaCount, c.Moderation.ToString(), c.InitiativeId));
        }).WithName("GetCampaign").Produces<CampaignDetail>();

        api.MapGet("/campaigns/{id:int}/ideas", async (int id, string? sort, string? after, string? status, string? q, AppDbContext db) =>
        {
            if (!await db.Campaigns.AnyAsync(c => c.Id == id)) return Results.NotFound();
            var order = sort switch
            {
                "liked" => IdeaSort.MostLiked,
                "developed" => IdeaSort.MostDeveloped,
                "answered" => IdeaSort.RecentlyAnswered,
                _ => IdeaSort.Newest,
            };
            var words = IdeaSearch.Words(q?.Length > 200 ? q[..200] : q);
            var ideas = (words.Count > 0 ? db.IdeasMatching(words) : db.Ideas).Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published);
            if (Enum.TryParse<IdeaStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)) ideas = ideas.Where(i => i.Status == s);
            var page = await ideas.Sorted(order, after).Cards().Take(IdeaRules.PageSize + 1).ToListAsync();
            string? next = null;
            if (page.Count > IdeaRules.PageSize)
            {
                page.RemoveAt(page.Count - 1);
                next = IdeaQueries.Cursor(order, page[^1]);
            }
            return Results.Ok(new IdeaPage(page.Select(Item).ToList(), next));
        }).WithName("ListCampaignIdeas").WithSummary("A campaign's published ideas; sort = newest | liked | developed | answered; after = the previous page's next").Produces<IdeaPage>();

        api.MapGet("/ideas/{id:int}", async (int id, AppDbContext db) =>
        {
            var i = await db.Ideas.Where(x => x.Id == id && x.Visibility == IdeaVisibility.Published)
                .Select(x => new
                {
                    x.Id,
                    x.CampaignId,
                    x.Title,
                    x.Text,
                    x.PlaceName,
                    Author = x.Participant!.DeletedAt != null || x.Participant.Anonymous ? "" : x.Participant.DisplayName,
                    x.Status,
                    x.LikeCount,
                    x.BuildOnCount,
                    x.BuildsOnId,
                    x.FamilyRootId,
                    x.CreatedAt,
                }).SingleOrDefaultAsync();
            if (i is null) return Results.NotFound();
            var history = await db.IdeaAnswers.Where(a => a.IdeaId == id).OrderBy(a => a.At)
                .Select(a => new { a.Status, a.Text, a.PlatformId, a.MergedIntoId, a.ByName, a.At }).ToListAsync();
            var root = i.FamilyRootId ?? i.Id;
            var family = await db.Ideas.Where(x => (x.Id == root || x.FamilyRootId == root) && x.Visibility == IdeaVisibility.Published).OrderBy(x => x.Id).Take(300)
                .Select(x => new FamilyMember(x.Id, x.Title, x.BuildsOnId, x.LikeCount)).ToListAsync();
            return Results.Ok(new IdeaDetail(i.Id, i.CampaignId, i.Title, i.Text, i.PlaceName, i.Author, i.Status.ToString(), i.LikeCount, i.BuildOnCount, i.BuildsOnId, i.CreatedAt,
                history.Select(a => new StatusChange(a.Status.ToString(), a.Text, a.PlatformId, a.MergedIntoId, a.ByName, a.At)).ToList(), family));
        }).WithName("GetIdea").WithSummary("One published idea with its likes, status history and its build-on family").Produces<IdeaDetail>();
    }
}
