using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Home;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

public class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail, AppDbContext db, UserSessions sessions, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Skriv dit navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "Titlen må højst være 200 tegn.")]
        public string? Title { get; set; }

        [StringLength(40, ErrorMessage = "Telefonnummeret må højst være 40 tegn.")]
        public string? Phone { get; set; }

        [RegularExpression("^(da|en)$", ErrorMessage = "Vælg dansk eller engelsk.")]
        public string Language { get; set; } = "da";
    }

    public sealed class PasswordInput
    {
        [StringLength(200, ErrorMessage = "Adgangskoden er for lang.")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Skriv den nye adgangskode.")]
        [StringLength(200, ErrorMessage = "Adgangskoden er for lang.")]
        public string New { get; set; } = "";

        /// <summary>A new password ends the other sessions; the API tokens go too if the person says so.</summary>
        public bool RevokeTokens { get; set; }
    }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
    [StringLength(320, ErrorMessage = "E-mailadressen er for lang.")]
    public string? NewEmail { get; set; }

    public string CurrentEmail { get; private set; } = "";
    public bool HasPassword { get; private set; }
    public int ActiveTokens { get; private set; }
    public int OtherSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user, fillProfile: true);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ValidateOnly(nameof(Profile));
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, fillProfile: false);
            return Page();
        }
        user.DisplayName = Profile.Name.Trim();
        user.Language = Profile.Language;
        await users.UpdateAsync(user);
        // A person's name, title and phone are their own: the change reaches every initiative they are in.
        var name = user.DisplayName;
        var title = string.IsNullOrWhiteSpace(Profile.Title) ? null : Profile.Title.Trim();
        var phone = string.IsNullOrWhiteSpace(Profile.Phone) ? null : Profile.Phone.Trim();
        await db.People.Where(p => p.UserId == user.Id && p.AnonymisedAt == null)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.Name, name).SetProperty(p => p.Title, title).SetProperty(p => p.Phone, phone).SetProperty(p => p.Version, p => p.Version + 1));
        await signIn.RefreshSignInAsync(user);
        LanguageCookie.Write(Response, user.Language);
        using (new CultureScope(user.Language))
        {
            TempData["Success"] = l["Din profil er gemt."].Value;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ValidateOnly(nameof(NewEmail));
        if (string.IsNullOrWhiteSpace(NewEmail))
        {
            ModelState.AddModelError(nameof(NewEmail), l["Skriv den nye e-mailadresse."]);
        }
        else if (string.Equals(NewEmail.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(NewEmail), l["Det er allerede din e-mailadresse."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, fillProfile: true);
            return Page();
        }
        var newEmail = NewEmail!.Trim();
        // An address that belongs to someone else gets no mail and no hint: the answer is the same.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            mail.Issue(user, OneTimeTokenPurpose.EmailChange, newEmail);
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = l["Vi har sendt et link til {0}. Din e-mail skifter, når du har brugt det.", newEmail].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ValidateOnly(nameof(Password));
        var hasPassword = await users.HasPasswordAsync(user);
        if (hasPassword && string.IsNullOrEmpty(Password.Current))
        {
            ModelState.AddModelError("Password.Current", l["Skriv din nuværende adgangskode."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, fillProfile: true);
            return Page();
        }
        var result = hasPassword
            ? await users.ChangePasswordAsync(user, Password.Current!, Password.New)
            : await users.AddPasswordAsync(user, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", error.Description);
            }
            await LoadAsync(user, fillProfile: true);
            return Page();
        }
        // Whoever else was signed in (a lost phone, a shared computer) is signed out now.
        var ended = await sessions.EndAllAsync(user.Id, except: UserSessions.IdOf(User));
        var revoked = 0;
        if (Password.RevokeTokens)
        {
            var now = clock.GetUtcNow();
            revoked = await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(x => x.SetProperty(t => t.RevokedAt, now));
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = (Password.RevokeTokens
            ? l["Din adgangskode er gemt. Du er logget ud alle andre steder ({0}), og {1} adgangsnøgle(r) er tilbagekaldt.", ended, revoked]
            : l["Din adgangskode er gemt. Du er logget ud alle andre steder ({0}).", ended]).Value;
        return RedirectToPage();
    }

    /// <summary>Each form on the page posts alone; errors of the other forms' (empty) inputs are not the user's.</summary>
    private void ValidateOnly(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadAsync(AppUser user, bool fillProfile)
    {
        CurrentEmail = user.Email ?? "";
        HasPassword = await users.HasPasswordAsync(user);
        var now = clock.GetUtcNow();
        ActiveTokens = await db.PersonalAccessTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now));
        var current = UserSessions.IdOf(User);
        OtherSessions = await db.UserSessions.CountAsync(s => s.UserId == user.Id && s.Id != current);
        if (fillProfile)
        {
            var person = await db.People.Where(p => p.UserId == user.Id && p.AnonymisedAt == null).OrderBy(p => p.Id)
                .Select(p => new { p.Title, p.Phone }).FirstOrDefaultAsync();
            Profile = new ProfileInput { Name = user.DisplayName, Language = user.Language, Title = person?.Title, Phone = person?.Phone };
        }
    }
}
