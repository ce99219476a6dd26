using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

/// <summary>"Download my data" (GDPR art. 15 and 20): everything Samskab holds about the signed-in person, as JSON.</summary>
public class MyDataModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Id, p.Name, p.Title, Organisation = p.Organisation!.Name, p.Email, p.Phone, p.CreatedAt })
            .ToListAsync(ct);
        var personIds = people.Select(p => p.Id).ToList();
        var initiatives = await db.InitiativeMembers.AsNoTracking().Where(m => personIds.Contains(m.PersonId))
            .Select(m => new { Initiative = m.Initiative!.Title, Role = m.Role.ToString(), m.AddedAt }).ToListAsync(ct);
        var platforms = await db.PlatformMembers.AsNoTracking().Where(m => personIds.Contains(m.PersonId))
            .Select(m => new { Platform = m.Platform!.Name, m.IsCoordinator, m.JoinedOn, m.LeftOn, m.LeftReason }).ToListAsync(ct);
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new { t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt }).ToListAsync(ct);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == user.Email)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Subject, m.Category, m.CreatedAt, Status = m.Status.ToString(), m.SentAt }).ToListAsync(ct);

        var export = new
        {
            ExportedAt = clock.GetUtcNow(),
            Account = new { user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.Language, user.CreatedAt, HasPassword = user.PasswordHash is not null, Roles = roles },
            People = people,
            Initiatives = initiatives,
            Platforms = platforms,
            AccessTokens = tokens,
            MailsSentToYou = mails,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, Json);
        return File(bytes, "application/json", $"samskab-mine-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }
}
