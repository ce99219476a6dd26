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
    IPasswordHasher<AppUser> hasher,
    SignInThrottle throttle,
    TimeProvider clock,
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
        var accountKey = SignInThrottle.AccountKey(email);
        var addressKey = SignInThrottle.AddressKey(HttpContext.Connection.RemoteIpAddress);
        if (await throttle.BlockedUntilAsync(accountKey, addressKey) is { } until)
        {
            // Said the same way for every address, known or not; the mailbox route stays open.
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Password),
                l["Der har været for mange forkerte forsøg. Vent {0} minut(ter), eller få et login-link på e-mail – det virker med det samme.", minutes]);
            return Page();
        }
        // Exactly one password hash is checked whether or not the address has an account, so the time taken
        // does not tell who has one.
        var user = await users.FindByEmailAsync(email);
        var correct = user?.PasswordHash is null ? PasswordTiming.CheckAgainstNobody(hasher, Input.Password) : await users.CheckPasswordAsync(user, Input.Password);
        if (correct && user is { EmailConfirmed: false })
        {
            // Only someone who knows the password learns that the address is unconfirmed.
            mail.Issue(user, OneTimeTokenPurpose.EmailConfirmation);
            await users.UpdateAsync(user);
            ModelState.AddModelError(string.Empty, l["Du skal bekræfte din e-mailadresse, før du kan logge ind. Vi har sendt dig et nyt bekræftelseslink."]);
            return Page();
        }
        if (correct && user is not null)
        {
            await throttle.SucceededAsync(accountKey);
            await signIn.SignInAsync(user, isPersistent: true, authenticationMethod: "pwd");
            LanguageCookie.Write(Response, user.Language);
            return LocalRedirect(ReturnUrl);
        }
        await throttle.FailedAsync(accountKey, addressKey);
        // The same message for an unknown e-mail and a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Password),
            l["E-mail eller adgangskode er forkert. Prøv igen, eller få et login-link på e-mail."]);
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
