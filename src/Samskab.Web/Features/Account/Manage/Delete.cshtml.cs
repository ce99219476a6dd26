using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

public class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, AccountErasure erasure, IStringLocalizer<SharedResource> l, ILogger<DeleteModel> logger) : PageModel
{
    [BindProperty]
    public string? ConfirmEmail { get; set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        if (!string.Equals(ConfirmEmail?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(ConfirmEmail), l["Skriv din egen e-mailadresse præcis, for at bekræfte at kontoen skal slettes."]);
            return Page();
        }
        if (await users.IsInRoleAsync(user, RoleNames.Administrator)
            && (await users.GetUsersInRoleAsync(RoleNames.Administrator)).Count == 1)
        {
            ModelState.AddModelError(nameof(ConfirmEmail), l["Du er den eneste administrator. Gør en anden til administrator, før du sletter din konto."]);
            return Page();
        }
        // The work stays with the initiatives, credited to "a former participant"; the person's name, address,
        // phone and assessments go, and so do all sessions and tokens (they belong to the account).
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await erasure.AnonymiseAsync(user);
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync();
                ModelState.AddModelError(nameof(ConfirmEmail), l["Kontoen kunne ikke slettes. Prøv igen."]);
                return Page();
            }
            await transaction.CommitAsync();
        }
        logger.LogInformation("Account {UserId} deleted by its owner", user.Id);
        await signIn.SignOutAsync();
        TempData["Success"] = l["Din konto er slettet."].Value;
        return LocalRedirect("/");
    }
}
