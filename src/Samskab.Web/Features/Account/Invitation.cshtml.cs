using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Account;

public class InvitationModel(AccountMail mail, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv dit navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "Adgangskoden er for lang.")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public TokenCheck Check { get; private set; }
    public string Email { get; private set; } = "";
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (check, _, user) = await FindAsync(token);
        if (check != TokenCheck.Valid)
        {
            return Refuse(check);
        }
        Check = check;
        Email = user!.Email ?? "";
        Input.Name = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (check, found, user) = await FindAsync(token);
        if (check != TokenCheck.Valid)
        {
            return Refuse(check);
        }
        Check = check;
        Email = user!.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!string.IsNullOrEmpty(Input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var valid = await validator.ValidateAsync(users, user, Input.Password);
                foreach (var error in valid.Errors)
                {
                    ModelState.AddModelError("Input.Password", error.Description);
                }
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
        }
        if (!await mail.ConsumeAsync(found!))
        {
            return Refuse(TokenCheck.AlreadyUsed);
        }
        user.DisplayName = Input.Name.Trim();
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        if (!string.IsNullOrEmpty(Input.Password) && !await users.HasPasswordAsync(user))
        {
            await users.AddPasswordAsync(user, Input.Password);
        }
        await signIn.SignInAsync(user, isPersistent: true);
        TempData["Success"] = l["Velkommen, {0}. Din konto er klar.", user.DisplayName].Value;
        return LocalRedirect("/start");
    }

    private async Task<(TokenCheck, OneTimeToken?, AppUser?)> FindAsync(string token)
    {
        var (check, found) = await mail.CheckAsync(token, OneTimeTokenPurpose.Invitation);
        var user = found is null ? null : await users.FindByIdAsync(found.UserId);
        return (user is null && check == TokenCheck.Valid ? TokenCheck.Unknown : check, found, user);
    }

    private PageResult Refuse(TokenCheck check)
    {
        Check = check;
        Problem = check switch
        {
            TokenCheck.Expired => l["Invitationen er udløbet"],
            TokenCheck.AlreadyUsed => l["Invitationen er allerede brugt"],
            _ => l["Invitationen er ikke gyldig"],
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
