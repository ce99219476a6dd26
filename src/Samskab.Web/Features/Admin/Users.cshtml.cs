using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Admin;

public class UsersModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Name, string Email, bool Confirmed, DateTimeOffset CreatedAt);

    public Page<Row> Users { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public string? Query { get; private set; }

    public async Task OnGetAsync(string? q, int? side, CancellationToken ct)
    {
        Query = q?.Trim();
        var users = db.Users.AsQueryable();
        if (!string.IsNullOrEmpty(Query))
        {
            var term = TextSearch.Term(Query);
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || TextSearch.Fold(u.DisplayName)!.Contains(term));
        }
        Users = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.CreatedAt))
            .ToPageAsync(side, ct: ct);
    }
}
