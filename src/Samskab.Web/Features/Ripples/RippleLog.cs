using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Ripples;

/// <summary>The ripple log's rows with filters, shared by the page, its exports and the API.</summary>
public static class RippleLog
{
    public sealed record Row(int Id, string What, DateOnly HappenedOn, RippleCategory Category, RippleBeneficiary Beneficiary, string ByName, IReadOnlyList<string> Platforms, IReadOnlyList<string> Actors);

    public sealed record Filter(RippleCategory? Category = null, RippleBeneficiary? Beneficiary = null, int? PlatformId = null, DateOnly? From = null, DateOnly? To = null);

    public static IQueryable<Ripple> Query(AppDbContext db, int initiativeId, Filter filter)
    {
        var q = db.Ripples.Where(r => r.InitiativeId == initiativeId);
        if (filter.Category is { } c) q = q.Where(r => r.Category == c);
        if (filter.Beneficiary is { } b) q = q.Where(r => r.Beneficiary == b);
        if (filter.PlatformId is int p) q = q.Where(r => r.Platforms.Any(x => x.PlatformId == p));
        if (filter.From is { } from) q = q.Where(r => r.HappenedOn >= from);
        if (filter.To is { } to) q = q.Where(r => r.HappenedOn <= to);
        return q.OrderByDescending(r => r.HappenedOn).ThenByDescending(r => r.Id);
    }

    public static async Task<Page<Row>> PageAsync(AppDbContext db, int initiativeId, IQueryable<Ripple> ripples, int? page, CancellationToken ct = default)
    {
        var raw = await Raw(ripples).ToPageAsync(page, ct: ct);
        var rows = await NameAsync(db, initiativeId, raw.Items, ct);
        return new Page<Row>(rows, raw.PageNumber, raw.PageSize, raw.TotalCount);
    }

    public static async Task<List<Row>> ListAsync(AppDbContext db, int initiativeId, IQueryable<Ripple> ripples, CancellationToken ct = default) =>
        await NameAsync(db, initiativeId, await Raw(ripples).ToListAsync(ct), ct);

    private sealed record RawRow(int Id, string What, DateOnly HappenedOn, RippleCategory Category, RippleBeneficiary Beneficiary, string ByName, List<int> PlatformIds, List<int> ActorIds);

    private static IQueryable<RawRow> Raw(IQueryable<Ripple> ripples) =>
        ripples.Select(r => new RawRow(r.Id, r.What, r.HappenedOn, r.Category, r.Beneficiary, r.ByName,
            r.Platforms.Select(x => x.PlatformId).ToList(), r.Actors.Select(x => x.PersonId).ToList()));

    private static async Task<List<Row>> NameAsync(AppDbContext db, int initiativeId, IReadOnlyList<RawRow> raw, CancellationToken ct)
    {
        var platforms = await db.Platforms.Where(p => p.InitiativeId == initiativeId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var personIds = raw.SelectMany(r => r.ActorIds).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return raw.Select(r => new Row(r.Id, r.What, r.HappenedOn, r.Category, r.Beneficiary, r.ByName,
            r.PlatformIds.Where(platforms.ContainsKey).Select(id => platforms[id]).ToList(),
            r.ActorIds.Where(people.ContainsKey).Select(id => people[id]).ToList())).ToList();
    }
}
