using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// The edition exactly as a recipient gets it: the same HTML document in a frame (served with a policy that allows
/// no script and only the mail's own style block), the plain-text part, and "send a test to myself".
/// </summary>
public class PreviewModel(AppDbContext db, IAuthorizationService auth, NewsletterCompiler compiler, NewsletterDesk desk, MailOutbox outbox, IStringLocalizer<SharedResource> l) : PageModel
{
    public Newsletter Edition { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public CompiledEdition Compiled { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var (text, _) = await MailForMeAsync();
        Text = text;
        return Page();
    }

    /// <summary>The mail's HTML document, for the frame.</summary>
    public async Task<IActionResult> OnGetMailAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var (_, html) = await MailForMeAsync();
        SecurityHeadersMiddleware.UseFramedDocumentPolicy(HttpContext,
            $"default-src 'none'; style-src {NewsletterRenderer.StyleHash}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var me = await MyPersonAsync();
        var address = me?.Email ?? User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
        if (NewsletterDesk.ProblemWith(address, false) is not null)
        {
            ModelState.AddModelError(string.Empty, l["Din konto har ingen gyldig e-mailadresse at sende prøven til."]);
            Text = (await MailForMeAsync()).Text;
            return Page();
        }
        var (text, html) = await MailForMeAsync();
        outbox.Enqueue(new OutgoingMail(address!, me?.Name, $"[{l["Prøve"].Value}] {Edition.Title}", text, html, "NewsletterTest"));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["En prøve er sendt til {0}.", address!].Value;
        return Redirect($"/nyhedsbreve/{id}/forhaandsvisning");
    }

    private async Task<Actors.Person?> MyPersonAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.People.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id).FirstOrDefaultAsync();
    }

    /// <summary>The mail the signed-in anchor person would get: draft content now, or the frozen content once sent.</summary>
    private async Task<(string Text, string Html)> MailForMeAsync()
    {
        var me = await MyPersonAsync();
        var initiative = await db.Initiatives.Where(i => i.Id == Edition.InitiativeId).Select(i => i.Title).SingleAsync();
        var (text, html) = desk.PersonalMail(Edition, initiative, me?.Id ?? 0, me?.Name ?? User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "");
        string bodyHtml, bodyText;
        if (Edition.SnapshotHtml is not null && Edition.SnapshotText is not null)
        {
            (bodyHtml, bodyText) = (Edition.SnapshotHtml, Edition.SnapshotText);
        }
        else
        {
            Compiled = await compiler.CompileAsync(Edition.Id);
            (bodyHtml, bodyText) = (NewsletterRenderer.Html(Compiled, includeContacts: true), NewsletterRenderer.Text(Compiled, includeContacts: true));
        }
        var shared = new OutboxSharedBody { Html = bodyHtml, Text = bodyText };
        var composed = OutboxMessage.Compose(text, html, shared);
        return (composed.Text, composed.Html!);
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
        if (edition is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ComposeNewsletter)) return this.Refuse();
        Edition = edition;
        return null;
    }
}
