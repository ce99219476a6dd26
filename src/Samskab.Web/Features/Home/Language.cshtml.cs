using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Home;

/// <summary>
/// The language switch in the header: remembered in a cookie, and on the account when signed in. Signed out, the
/// switch only sets the language cookie, so it needs no antiforgery token (and pages without other forms are not
/// made to create one for every visitor); signed in, it changes the account and the token is checked.
/// </summary>
[IgnoreAntiforgeryToken]
public class LanguageModel(UserManager<AppUser> users, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        var language = culture == "en" ? "en" : "da";
        LanguageCookie.Write(Response, language);
        if (signedIn && await users.GetUserAsync(User) is { } user && user.Language != language)
        {
            user.Language = language;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

public static class LanguageCookie
{
    public static void Write(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language == "en" ? "en-GB" : "da-DK")),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
