using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// Sending, in two steps: choose who gets it and see how many (and who cannot, and which sections are missing), then
/// confirm. The background sender does the rest.
/// </summary>
public class SendModel(AppDbContext db, IAuthorizationService auth, NewsletterDesk desk, NewsletterSignal signal, Microsoft.Extensions.Options.IOptions<Samskab.Web.Infrastructure.Mail.MailSettings> mail, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>No SMTP server and no pickup folder: the mails will wait in the outbox.</summary>
    public bool MailWaits => !mail.Value.Delivers;

    public sealed record Choice(int Id, string Name);

    public Newsletter Edition { get; private set; } = null!;
    public IReadOnlyList<Choice> Platforms { get; private set; } = [];
    public IReadOnlyList<NewsletterDesk.Recipient> Recipients { get; private set; } = [];
    public IReadOnlyList<string> MissingSections { get; private set; } = [];
    public int Deliverable => Recipients.Count(r => r.Problem is null);

    [BindProperty(SupportsGet = true)] public Audience Audience { get; set; } = Audience.Everyone;
    [BindProperty(SupportsGet = true)] public List<int> PlatformIds { get; set; } = [];
    [BindProperty] public bool ConfirmMissing { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (Edition.Status != EditionStatus.Draft)
        {
            TempData["Success"] = l["Nyhedsbrevet er allerede sendt."].Value;
            return Redirect($"/nyhedsbreve/{id}");
        }
        if (!ModelState.IsValid) return Page();
        if (Deliverable == 0)
        {
            ModelState.AddModelError(nameof(Audience), l["Ingen af de valgte modtagere har en gyldig e-mailadresse."]);
            return Page();
        }
        if (MissingSections.Count > 0 && !ConfirmMissing)
        {
            ModelState.AddModelError(nameof(ConfirmMissing), l["Disse platforme har ikke et afsnit klar: {0}. Bekræft, at nyhedsbrevet skal sendes uden dem.", string.Join(", ", MissingSections)]);
            return Page();
        }
        if (!await desk.StartSendingAsync(id, Audience, PlatformIds, User))
        {
            TempData["Success"] = l["Nyhedsbrevet blev sendt af en anden i samme øjeblik – det sendes kun én gang."].Value;
            return Redirect($"/nyhedsbreve/{id}");
        }
        signal.Pulse();
        TempData["Success"] = l["Nyhedsbrevet sendes nu til {0} modtagere. Du kan følge det her.", Deliverable].Value;
        return Redirect($"/nyhedsbreve/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var edition = await db.Newsletters.AsNoTracking().Include(n => n.Sections).SingleOrDefaultAsync(n => n.Id == id);
        if (edition is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ComposeNewsletter)) return this.Refuse();
        Edition = edition;
        Platforms = await db.Platforms.AsNoTracking().Where(p => p.InitiativeId == edition.InitiativeId && (p.Status == PlatformStatus.Active || p.Status == PlatformStatus.Standby))
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync();
        if (!Enum.IsDefined(Audience))
        {
            ModelState.AddModelError(nameof(Audience), l["Vælg, hvem nyhedsbrevet skal sendes til."]);
            Audience = Audience.Everyone;
        }
        PlatformIds = PlatformIds.Where(p => Platforms.Any(x => x.Id == p)).Distinct().ToList();
        if (Audience == Audience.Platforms && PlatformIds.Count == 0)
        {
            ModelState.AddModelError(nameof(PlatformIds), l["Vælg mindst én platform."]);
        }
        Recipients = await desk.RecipientsAsync(edition.InitiativeId, Audience, PlatformIds);
        var open = edition.Sections.Where(s => s.Status != SectionStatus.Ready).Select(s => s.PlatformId).ToList();
        MissingSections = await db.Platforms.Where(p => open.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        return null;
    }
}
