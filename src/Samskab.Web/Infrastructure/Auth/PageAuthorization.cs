using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samskab.Web.Infrastructure.Auth;

public static class PageAuthorization
{
    public static async Task<bool> CanAsync(this PageModel page, IAuthorizationService auth, AccessScope scope, Operation operation) =>
        (await auth.AuthorizeAsync(page.User, scope, operation)).Succeeded;

    /// <summary>Before asking about each platform of an initiative in turn: one round trip for all of them.</summary>
    public static Task PrefetchPlatformRolesAsync(this PageModel page, int initiativeId) =>
        page.HttpContext.RequestServices.GetRequiredService<RoleResolver>().PrefetchPlatformsAsync(page.User, initiativeId, page.HttpContext.RequestAborted);

    /// <summary>403 for a signed-in person without the right; the sign-in page for everyone else.</summary>
    public static IActionResult Refuse(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
