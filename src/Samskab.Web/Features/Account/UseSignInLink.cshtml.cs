using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Home;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Account;

/// <summary>
/// The link from the mail. Opening it shows a button; only the POST signs in, because mail scanners open links
/// and would otherwise use up a one-time link before the person does.
/// </summary>
public class UseSignInLinkModel(AccountMail mail, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    public TokenCheck Check { get; private set; }
    public string Email { get; private set; } = "";
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (check, found) = await mail.CheckAsync(token, OneTimeTokenPurpose.SignInLink);
        Check = check;
        if (check == TokenCheck.Valid && await users.FindByIdAsync(found!.UserId) is { } user)
        {
            Email = user.Email ?? "";
            return Page();
        }
        return Refuse(check == TokenCheck.Valid ? TokenCheck.Unknown : check);
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (check, found) = await mail.CheckAsync(token, OneTimeTokenPurpose.SignInLink);
        if (check != TokenCheck.Valid || await users.FindByIdAsync(found!.UserId) is not { } user)
        {
            return Refuse(check == TokenCheck.Valid ? TokenCheck.Unknown : check);
        }
        if (!await mail.ConsumeAsync(found))
        {
            return Refuse(TokenCheck.AlreadyUsed);
        }
        // The mailbox is proven: wrong password attempts by anyone else no longer hold the account back.
        await throttle.SucceededAsync(SignInThrottle.AccountKey(user.Email ?? ""));
        if (await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        if (!user.EmailConfirmed)
        {
            // Receiving the link proves the address.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await signIn.SignInAsync(user, isPersistent: true, authenticationMethod: "email-link");
        LanguageCookie.Write(Response, user.Language);
        return LocalRedirect("/start");
    }

    private PageResult Refuse(TokenCheck check)
    {
        Check = check;
        Problem = check switch
        {
            TokenCheck.Expired => l["Linket er udløbet"],
            TokenCheck.AlreadyUsed => l["Linket er allerede brugt"],
            _ => l["Linket er ikke gyldigt"],
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
