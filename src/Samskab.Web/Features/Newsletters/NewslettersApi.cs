using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>/api/v1 resources for newsletters: editions with their sections' status and the delivery counts.</summary>
public static class NewslettersApi
{
    public sealed record DeliveryDto(int Recipients, int Unreachable, int Queued, int Sent, int Failed, int Waiting, int Retrying);
    public sealed record EditionSummary(int Id, int Number, string Title, string Status, int? MeetingId, DateTimeOffset CreatedAt, DateTimeOffset? SendStartedAt, bool IsPublic, int Sections, int SectionsReady);
    public sealed record SectionDto(int Id, int PlatformId, string Platform, int Position, string Status, string? Focus, string? Progress, string? Challenges, string? NextSteps, DateTimeOffset? UpdatedAt, string? UpdatedBy);
    public sealed record EditionDetail(EditionSummary Edition, string? Introduction, string? MinutesSummary, IReadOnlyList<SectionDto> Sections, DeliveryDto? Delivery);

    public static void MapNewslettersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/initiatives/{id:int}/newsletters", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ReadNewsletter)).Succeeded) return Results.Forbid();
            return Results.Ok(await Summaries(db.Newsletters.Where(n => n.InitiativeId == id).OrderByDescending(n => n.Number)).ToListAsync());
        }).WithName("ListNewsletters").WithSummary("An initiative's newsletter editions, newest first").Produces<List<EditionSummary>>();

        api.MapGet("/newsletters/{id:int}", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth, NewsletterDesk desk) =>
        {
            var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
            if (edition is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(edition.InitiativeId), Operation.ReadNewsletter)).Succeeded) return Results.Forbid();
            var summary = await Summaries(db.Newsletters.Where(n => n.Id == id)).SingleAsync();
            var sections = await db.NewsletterSections.AsNoTracking().Where(s => s.NewsletterId == id).OrderBy(s => s.Position).ThenBy(s => s.Id)
                .Join(db.Platforms, s => s.PlatformId, p => p.Id, (s, p) => new SectionDto(s.Id, s.PlatformId, p.Name, s.Position, s.Status.ToString(), s.Focus, s.Progress, s.Challenges, s.NextSteps, s.UpdatedAt, s.UpdatedByName))
                .ToListAsync();
            DeliveryDto? delivery = null;
            if (edition.Status != EditionStatus.Draft)
            {
                var p = await desk.ProgressAsync(id);
                delivery = new DeliveryDto(p.Total, p.Unreachable, p.Queued, p.Sent, p.Failed, p.Waiting, p.Retrying);
            }
            return Results.Ok(new EditionDetail(summary, edition.Introduction, edition.MinutesSummary, sections, delivery));
        }).WithName("GetNewsletter").WithSummary("One edition: sections with status, and delivery counts once sent").Produces<EditionDetail>();
    }

    private static IQueryable<EditionSummary> Summaries(IQueryable<Newsletter> editions) =>
        editions.Select(n => new EditionSummary(n.Id, n.Number, n.Title, n.Status.ToString(), n.MeetingId, n.CreatedAt, n.SendStartedAt, n.IsPublic,
            n.Sections.Count, n.Sections.Count(s => s.Status == SectionStatus.Ready)));
}
