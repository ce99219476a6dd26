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
public class SignInLinkModel(UserManager<AppUser> users, AccountMail mail, AppDbContext db) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv din e-mail.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

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
        // A link also for an account throttled after wrong passwords: it proves the mailbox. An address without an
        // account gets a mail saying so, so both cases do the same work and give the same answer.
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null)
        {
            mail.Issue(user, OneTimeTokenPurpose.SignInLink);
        }
        else
        {
            mail.NoAccount(Input.Email);
        }
        await db.SaveChangesAsync(ct);
        Sent = true;
        return Page();
    }
}
