using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// "Manage e-mail preferences" from the link in every newsletter: no sign-in needed (most actors have no account);
/// the signed link says who it is for.
/// </summary>
public class PreferencesModel(AppDbContext db, NewsletterDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    public string Name { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public bool ReceiveNewsletters { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await PersonAsync();
        if (person is null) return NotFound();
        Name = person.Name;
        ReceiveNewsletters = !person.DeclinesNewsletters;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var person = await PersonAsync();
        if (person is null) return NotFound();
        person.DeclinesNewsletters = !ReceiveNewsletters;
        person.Version++;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = ReceiveNewsletters ? l["Du får nyhedsbrevene på e-mail."].Value : l["Du får ikke flere nyhedsbreve på e-mail. Du kan altid skifte mening her."].Value;
        return Redirect($"/mailindstillinger?t={Uri.EscapeDataString(Token ?? "")}");
    }

    private async Task<Actors.Person?> PersonAsync() =>
        desk.PreferenceToken(Token) is int id ? await db.People.SingleOrDefaultAsync(p => p.Id == id) : null;
}
