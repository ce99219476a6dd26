using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account;

[EnableRateLimiting(Startup.SignInLinkRateLimit)]
public class RegisterModel(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, AccountMail mail, AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv dit navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Skriv din e-mail.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string Email { get; set; } = "";

        [StringLength(200, ErrorMessage = "Adgangskoden er for lang.")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.Email = Input.Email.Trim();
        var user = new AppUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.Name.Trim(),
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da",
            CreatedAt = clock.GetUtcNow(),
        };
        // The password rules are checked before anything about the address is looked up, so a weak password gets the
        // same answer for a new and an existing address.
        if (!string.IsNullOrEmpty(Input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, Input.Password)).Errors)
                {
                    ModelState.AddModelError("Input.Password", error.Description);
                }
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
        }
        if (await users.FindByEmailAsync(Input.Email) is { } existing)
        {
            // Tell the owner of the address, not the person at the keyboard; hash once, as a new account would.
            PasswordTiming.HashForNobody(hasher, Input.Password);
            mail.AccountExists(existing);
            await db.SaveChangesAsync(ct);
            Done = true;
            return Page();
        }
        var result = string.IsNullOrEmpty(Input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        mail.Issue(user, OneTimeTokenPurpose.EmailConfirmation);
        await db.SaveChangesAsync(ct);
        Done = true;
        return Page();
    }
}
