using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

/// <summary>Where the person is signed in (device, when last used), with "sign out there" and "sign out everywhere else".</summary>
public class SessionsModel(AppDbContext db, UserSessions sessions, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Id, string Device, string? Method, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsThis);

    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var current = UserSessions.IdOf(User);
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Id, s.UserAgent, s.Method, s.CreatedAt, s.LastSeenAt }).ToListAsync(ct);
        Sessions = rows.OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new Row(s.Id, UserSessions.Describe(s.UserAgent, x => l[x]), s.Method, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .ToList();
    }

    public async Task<IActionResult> OnPostEndAsync(string? session, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // Only one's own sessions: an id of someone else's is simply not found.
        var ended = string.IsNullOrEmpty(session) || session == UserSessions.IdOf(User)
            ? 0
            : await db.UserSessions.Where(s => s.Id == session && s.UserId == userId).ExecuteDeleteAsync(ct);
        TempData["Success"] = ended == 1 ? l["Den anden enhed er logget ud."].Value : l["Enheden var allerede logget ud."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var ended = await sessions.EndAllAsync(userId, except: UserSessions.IdOf(User));
        TempData["Success"] = l["Du er logget ud på {0} andre enheder.", ended].Value;
        return RedirectToPage();
    }
}
