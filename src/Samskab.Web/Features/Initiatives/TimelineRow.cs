using Microsoft.EntityFrameworkCore;

namespace Samskab.Web.Features.Initiatives;

public sealed record TimelineRow(DateTimeOffset At, string ByName, string What, string? Data, string? Why, bool ByAnchorPerson, string? Platform)
{
    public static Task<List<TimelineRow>> QueryAsync(IQueryable<TimelineEntry> entries, int take, CancellationToken ct) =>
        entries.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(take)
            .Select(t => new TimelineRow(t.At, t.ByName, t.What, t.Data, t.Why, t.ByAnchorPerson, null))
            .ToListAsync(ct);
}
