using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

/// <summary>"Mine kalendere": private subscription links for Outlook, Google and Apple calendars.</summary>
[Authorize]
public class CalendarsModel(AppDbContext db, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record FeedChoice(FeedScope Scope, int? ScopeId, string Name, bool Exists);

    public IReadOnlyList<FeedChoice> Choices { get; private set; } = [];
    public string? NewUrl { get; private set; }
    public string? NewName { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(FeedScope scope, int? scopeId, CancellationToken ct)
    {
        await LoadAsync();
        var choice = Choices.FirstOrDefault(c => c.Scope == scope && c.ScopeId == scopeId);
        if (choice is null)
        {
            return this.Refuse();
        }
        var now = clock.GetUtcNow();
        // A new link replaces the old one, which stops working: that is how a leaked link is revoked.
        await db.CalendarFeeds.Where(f => f.UserId == UserId && f.Scope == scope && f.ScopeId == scopeId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), cancellationToken: ct);
        var token = OneTimeToken.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { UserId = UserId, Scope = scope, ScopeId = scopeId, TokenHash = OneTimeToken.Hash(token), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        NewUrl = links.Absolute($"/kalender/{token}.ics");
        NewName = choice.Name;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var existing = await db.CalendarFeeds.Where(f => f.UserId == UserId && f.RevokedAt == null).Select(f => new { f.Scope, f.ScopeId }).ToListAsync();
        bool Exists(FeedScope s, int? id) => existing.Any(e => e.Scope == s && e.ScopeId == id);
        var choices = new List<FeedChoice> { new(FeedScope.Person, null, l["Alle mine møder"], Exists(FeedScope.Person, null)) };
        var platforms = await db.PlatformMembers.Where(m => m.Person!.UserId == UserId && m.LeftOn == null)
            .Select(m => new { m.PlatformId, m.Platform!.Name }).Distinct().ToListAsync();
        choices.AddRange(platforms.OrderBy(p => p.Name).Select(p => new FeedChoice(FeedScope.Platform, p.PlatformId, l["Platformen {0}", p.Name], Exists(FeedScope.Platform, p.PlatformId))));
        var initiatives = await db.InitiativeMembers.Where(m => m.Person!.UserId == UserId)
            .Select(m => new { m.InitiativeId, m.Initiative!.Title }).Distinct().ToListAsync();
        choices.AddRange(initiatives.OrderBy(i => i.Title).Select(i => new FeedChoice(FeedScope.Initiative, i.InitiativeId, l["Hele initiativet {0}", i.Title], Exists(FeedScope.Initiative, i.InitiativeId))));
        Choices = choices;
    }
}
