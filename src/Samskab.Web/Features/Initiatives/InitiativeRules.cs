using System.Security.Claims;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

/// <summary>Rules about initiatives that sit beside the permission matrix (docs/permissions.md, "Rules beside the matrix").</summary>
public static class InitiativeRules
{
    /// <summary>
    /// The initiatives a person is shown in lists (the initiative list, the API): those they take part in, as a member
    /// of the initiative or of one of its platforms they have not left; an administrator sees all.
    /// </summary>
    public static IQueryable<Initiative> VisibleTo(this IQueryable<Initiative> initiatives, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(RoleNames.Administrator))
        {
            return initiatives;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return initiatives.Where(_ => false);
        }
        return initiatives.Where(i => i.Members.Any(m => m.Person!.UserId == userId)
            || db.PlatformMembers.Any(pm => pm.Platform!.InitiativeId == i.Id && pm.LeftOn == null && pm.Person!.UserId == userId));
    }
}
