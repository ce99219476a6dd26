using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Home;

public class ParticipateModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Title, string SharedChallenge, DateOnly StartDate);

    public IReadOnlyList<Row> Initiatives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Initiatives = await db.Initiatives
            .OrderByDescending(i => i.StartDate)
            .Take(50)
            .Select(i => new Row(i.Title, i.SharedChallenge, i.StartDate))
            .ToListAsync(ct);
}
