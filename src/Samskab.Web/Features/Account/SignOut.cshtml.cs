using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Account;

public class SignOutModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Success"] = l["Du er logget ud."].Value;
        return LocalRedirect("/");
    }
}
