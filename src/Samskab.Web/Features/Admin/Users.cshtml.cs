using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Admin;

public class UsersModel(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Id, string Name, string Email, bool Confirmed, DateTimeOffset CreatedAt, bool CampaignManager);

    public Page<Row> Users { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public string? Query { get; private set; }

    public async Task OnGetAsync(string? q, int? side, CancellationToken ct)
    {
        Query = q?.Trim();
        var all = db.Users.AsQueryable();
        if (!string.IsNullOrEmpty(Query))
        {
            var term = TextSearch.Term(Query);
            all = all.Where(u => u.NormalizedEmail!.Contains(term) || TextSearch.Fold(u.DisplayName)!.Contains(term));
        }
        var managerRole = RoleNames.CampaignManager.ToUpperInvariant();
        Users = await all
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.CreatedAt,
                db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.NormalizedName == managerRole))))
            .ToPageAsync(side, ct: ct);
    }

    /// <summary>Campaign managers (indsamlingsansvarlige) may create campaigns for citizens.</summary>
    public async Task<IActionResult> OnPostCampaignManagerAsync(string userId, bool grant)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        if (!await roles.RoleExistsAsync(RoleNames.CampaignManager))
        {
            await roles.CreateAsync(new IdentityRole(RoleNames.CampaignManager));
        }
        var has = await users.IsInRoleAsync(user, RoleNames.CampaignManager);
        if (grant && !has) await users.AddToRoleAsync(user, RoleNames.CampaignManager);
        if (!grant && has) await users.RemoveFromRoleAsync(user, RoleNames.CampaignManager);
        TempData["Success"] = (grant ? l["{0} kan nu oprette indsamlinger.", user.DisplayName] : l["{0} kan ikke længere oprette indsamlinger.", user.DisplayName]).Value;
        return Redirect("/admin/brugere");
    }
}
