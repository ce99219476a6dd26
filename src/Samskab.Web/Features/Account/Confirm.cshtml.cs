using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Account;

/// <summary>Confirms a new account's address, or a changed address (the new one is in the token's payload).</summary>
public class ConfirmModel(AccountMail mail, UserManager<AppUser> users, SignInManager<AppUser> signIn, Samskab.Web.Infrastructure.Data.AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public TokenCheck Check { get; private set; }
    public string Email { get; private set; } = "";
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (check, found, user) = await FindAsync(token);
        if (check != TokenCheck.Valid)
        {
            return Refuse(check);
        }
        Check = check;
        Email = found!.Purpose == OneTimeTokenPurpose.EmailChange ? found.Payload ?? "" : user!.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (check, found, user) = await FindAsync(token);
        if (check != TokenCheck.Valid)
        {
            return Refuse(check);
        }
        if (!await mail.ConsumeAsync(found!))
        {
            return Refuse(TokenCheck.AlreadyUsed);
        }
        if (found!.Purpose == OneTimeTokenPurpose.EmailChange)
        {
            var newEmail = found.Payload!;
            if (await users.FindByEmailAsync(newEmail) is { } other && other.Id != user!.Id)
            {
                ModelState.AddModelError(string.Empty, l["E-mailadressen er allerede i brug."]);
                return Refuse(TokenCheck.Unknown);
            }
            user!.Email = newEmail;
            user.UserName = newEmail;
            user.EmailConfirmed = true;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                return Refuse(TokenCheck.Unknown);
            }
            // The address is the person's own: it follows them into every initiative they are in.
            await db.People.Where(p => p.UserId == user.Id && p.AnonymisedAt == null).ExecuteUpdateAsync(x => x.SetProperty(p => p.Email, newEmail));
            await users.UpdateSecurityStampAsync(user);
            await signIn.RefreshSignInAsync(user);
            TempData["Success"] = l["Din e-mailadresse er ændret til {0}.", newEmail].Value;
            return LocalRedirect("/konto");
        }
        user!.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: true);
        TempData["Success"] = l["Tak – din e-mailadresse er bekræftet, og du er logget ind."].Value;
        return LocalRedirect("/start");
    }

    private async Task<(TokenCheck, OneTimeToken?, AppUser?)> FindAsync(string token)
    {
        var (check, found) = await mail.CheckAsync(token, OneTimeTokenPurpose.EmailConfirmation);
        if (check == TokenCheck.Unknown)
        {
            (check, found) = await mail.CheckAsync(token, OneTimeTokenPurpose.EmailChange);
        }
        var user = found is null ? null : await users.FindByIdAsync(found.UserId);
        return (user is null && check == TokenCheck.Valid ? TokenCheck.Unknown : check, found, user);
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
