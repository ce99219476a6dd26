using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Home;
using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Demo;

namespace Samskab.Web.Features.Account;

[EnableRateLimiting(Startup.SignInRateLimit)]
public class SignInModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AccountMail mail,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv din e-mail.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Skriv din adgangskode.")]
        [StringLength(200, ErrorMessage = "Adgangskoden er for lang.")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/start";
    public IReadOnlyList<(string Email, string Name, string Role)> DemoAccounts { get; private set; } = [];
    public string DemoPassword => DemoData.Password;

    public IActionResult OnGet(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }
        Prepare(returnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        Prepare(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                LanguageCookie.Write(Response, user.Language);
            }
            return LocalRedirect(ReturnUrl);
        }
        if (result.IsNotAllowed && await users.FindByEmailAsync(email) is { EmailConfirmed: false } unconfirmed
            && await users.CheckPasswordAsync(unconfirmed, Input.Password))
        {
            // Only someone who knows the password learns that the address is unconfirmed.
            mail.Issue(unconfirmed, OneTimeTokenPurpose.EmailConfirmation);
            await users.UpdateAsync(unconfirmed);
            ModelState.AddModelError(string.Empty, l["Du skal bekræfte din e-mailadresse, før du kan logge ind. Vi har sendt dig et nyt bekræftelseslink."]);
            return Page();
        }
        // The same message for an unknown e-mail, a wrong password and a locked account, so the page does not
        // reveal who has an account.
        ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Password),
            l["E-mail eller adgangskode er forkert – eller kontoen er midlertidigt låst efter for mange forsøg. Prøv igen, eller få et login-link på e-mail."]);
        return Page();
    }

    private void Prepare(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (DemoData.IsEnabled(configuration, environment))
        {
            DemoAccounts = DemoData.Accounts;
        }
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/start";
}
