using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// A sent edition in the archive, as it was sent (with the contact list). Actors read it signed in, or from the
/// personal link in their mail (most actors have no account); printable, and exportable as one standalone HTML file.
/// </summary>
public class ReadModel(AppDbContext db, IAuthorizationService auth, NewsletterDesk desk) : PageModel
{
    public Newsletter Edition { get; private set; } = null!;
    public string Initiative { get; private set; } = "";
    public bool SignedInReader { get; private set; }

    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var html = NewsletterRenderer.Document($"{Edition.Title} – {Initiative}", Edition.SnapshotHtml!, null, null);
        return File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"nyhedsbrev-{Edition.Number}.html");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
        if (edition is null) return NotFound();
        SignedInReader = await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ReadNewsletter);
        // The link in the mail: made for this person and this edition, and only for a recipient of it.
        var byLink = desk.ReadToken(Token) is { } t && t.NewsletterId == id
            && await db.NewsletterRecipients.AnyAsync(r => r.NewsletterId == id && r.PersonId == t.PersonId);
        if (!SignedInReader && !byLink) return this.Refuse();
        if (edition.SnapshotHtml is null)
        {
            // A draft has no archive copy yet: the anchor person previews it instead.
            return Redirect($"/nyhedsbreve/{id}");
        }
        Edition = edition;
        Initiative = await db.Initiatives.Where(i => i.Id == edition.InitiativeId).Select(i => i.Title).SingleAsync();
        return null;
    }
}
