using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Account;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Admin;

public class InviteModel(UserManager<AppUser> users, AccountMail mail, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv personens navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Skriv personens e-mail.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
        public string Email { get; set; } = "";

        public bool MakeAdministrator { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", l["Der findes allerede en konto med denne e-mailadresse."]);
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.Name.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Input.Email", error.Description);
            }
            return Page();
        }
        if (Input.MakeAdministrator)
        {
            await users.AddToRoleAsync(user, RoleNames.Administrator);
        }
        mail.Issue(user, OneTimeTokenPurpose.Invitation);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Success"] = l["Invitationen er sendt til {0}.", email].Value;
        return RedirectToPage("/Admin/Users");
    }
}
