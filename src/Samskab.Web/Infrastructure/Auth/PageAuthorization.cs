using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samskab.Web.Infrastructure.Auth;

public static class PageAuthorization
{
    public static async Task<bool> CanAsync(this PageModel page, IAuthorizationService auth, AccessScope scope, Operation operation) =>
        (await auth.AuthorizeAsync(page.User, scope, operation)).Succeeded;

    /// <summary>403 for a signed-in person without the right; the sign-in page for everyone else.</summary>
    public static IActionResult Refuse(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
