using Microsoft.EntityFrameworkCore;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>One page of a list, and what the pagination control needs to link to the others.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
}

public sealed record PagerModel(int PageNumber, int PageCount, int TotalCount, string BasePath, string Query);

public static class Paging
{
    public const int DefaultSize = 25;

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int size = DefaultSize, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }

    public static PagerModel Pager<T>(this Page<T> page, HttpRequest request)
    {
        var query = string.Join("&", request.Query.Where(q => q.Key != "side").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
        return new PagerModel(page.PageNumber, page.PageCount, page.TotalCount, request.Path, query);
    }
}
