using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Goals;

/// <summary>Access to a platform's goals: members edit them (a say, like any member's), everyone in the initiative reads.</summary>
public static class GoalAccess
{
    public static async Task<(DevelopmentPlatform? Platform, bool CanRead, bool CanEdit)> CheckAsync(PageModel page, AppDbContext db, IAuthorizationService auth, int platformId)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == platformId);
        if (platform is null)
        {
            return (null, false, false);
        }
        var scope = AccessScope.ForPlatform(platform.InitiativeId, platform.Id);
        return (platform, await page.CanAsync(auth, scope, Operation.ViewPlatform), await page.CanAsync(auth, scope, Operation.EditPlatformContent));
    }
}
