using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// One edition: while it is a draft, the anchor person's workbench (who has delivered, reminders, introduction and
/// minutes summary, order of sections) and each platform's way to its own section; once sending, the progress.
/// </summary>
public class EditionModel(AppDbContext db, IAuthorizationService auth, NewsletterDesk desk, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Samskab.Web.Infrastructure.Mail.MailSettings> mail, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>No SMTP server and no pickup folder: the mails wait in the outbox, and the progress says why.</summary>
    public bool MailWaits => !mail.Value.Delivers;

    public sealed record SectionRow(int Id, int PlatformId, string Platform, IReadOnlyList<string> Coordinators, SectionStatus Status, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool CanEdit);

    public Newsletter Edition { get; private set; } = null!;
    public Initiative Initiative { get; private set; } = null!;
    public string? MeetingTitle { get; private set; }
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];
    public NewsletterDesk.Progress? Delivery { get; private set; }
    public bool CanCompose { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public string? MinutesSummary { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, fill: true) ?? Page();

    /// <summary>The progress block alone, for the page to poll while sending.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        // Only an edition on its way has progress to show; otherwise the edition itself is the answer.
        if (Delivery is null) return Redirect($"/nyhedsbreve/{id}");
        return Partial("_Progress", this);
    }

    public async Task<IActionResult> OnPostComposeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanCompose) return this.Refuse();
        if (Edition.Status != EditionStatus.Draft) return this.Problem(l["Nyhedsbrevet er sendt og kan ikke længere ændres."]);
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), l["Skriv en titel."]);
        else if (Title.Length > 200) ModelState.AddModelError(nameof(Title), l["Titlen må højst være 200 tegn."]);
        if (Introduction?.Length > 20000) ModelState.AddModelError(nameof(Introduction), l["Feltet må højst være {0} tegn.", 20000]);
        if (MinutesSummary?.Length > 20000) ModelState.AddModelError(nameof(MinutesSummary), l["Feltet må højst være {0} tegn.", 20000]);
        if (!ModelState.IsValid) return Page();
        var edition = await db.Newsletters.SingleAsync(n => n.Id == id, cancellationToken: ct);
        db.Entry(edition).Property(n => n.Version).OriginalValue = Version;
        edition.Title = Title!.Trim();
        edition.Introduction = Trim(Introduction);
        edition.MinutesSummary = Trim(MinutesSummary);
        edition.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return this.Problem(l["Nyhedsbrevet er ændret af en anden, mens du skrev. Din tekst står stadig i felterne: kopiér den, genindlæs siden og indsæt den igen."]);
        }
        TempData["Success"] = l["Indledning og referat er gemt."].Value;
        return Redirect($"/nyhedsbreve/{id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int sectionId, int by, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanCompose) return this.Refuse();
        if (Edition.Status != EditionStatus.Draft) return this.Problem(l["Nyhedsbrevet er sendt og kan ikke længere ændres."]);
        var sections = await db.NewsletterSections.Where(s => s.NewsletterId == id).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        var index = sections.FindIndex(s => s.Id == sectionId);
        if (index < 0 || by is not (-1 or 1)) return NotFound();
        var target = index + by;
        if (target >= 0 && target < sections.Count)
        {
            (sections[index], sections[target]) = (sections[target], sections[index]);
            for (var i = 0; i < sections.Count; i++)
            {
                sections[i].Position = i + 1;
            }
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/nyhedsbreve/{id}#section-{sectionId}");
    }

    public async Task<IActionResult> OnPostRemindAsync(int id)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanCompose) return this.Refuse();
        if (Edition.Status != EditionStatus.Draft) return this.Problem(l["Nyhedsbrevet er sendt og kan ikke længere ændres."]);
        var queued = await desk.RemindAsync(id);
        TempData["Success"] = queued == 0
            ? l["Der er ingen at minde om i dag – alle afsnit er klar, eller tovholderne har fået en påmindelse i dag."].Value
            : l["{0} har fået en påmindelse.", queued].Value;
        return Redirect($"/nyhedsbreve/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanCompose) return this.Refuse();
        if (Edition.Status == EditionStatus.Draft) return this.Problem(l["Et nyhedsbrev kan offentliggøres, når det er sendt."]);
        await db.Newsletters.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsPublic, publish), cancellationToken: ct);
        db.Append(User, clock.GetUtcNow(), Edition.InitiativeId, null,
            TimelineEvents.Event("newsletter.public", publish ? "newsletter.public.on" : "newsletter.public.off", Edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = publish ? l["Den offentlige version uden kontaktoplysninger kan nu læses af alle med linket."].Value : l["Den offentlige version er trukket tilbage."].Value;
        return Redirect($"/nyhedsbreve/{id}");
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();


    private async Task<IActionResult?> LoadAsync(int id, bool fill)
    {
        var edition = await db.Newsletters.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
        if (edition is null) return NotFound();
        var scope = AccessScope.ForInitiative(edition.InitiativeId);
        if (!await this.CanAsync(auth, scope, Operation.ReadNewsletter)) return this.Refuse();
        Edition = edition;
        Initiative = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == edition.InitiativeId);
        CanCompose = await this.CanAsync(auth, scope, Operation.ComposeNewsletter);
        MeetingTitle = edition.MeetingId is int mid ? await db.Meetings.Where(m => m.Id == mid).Select(m => m.Title).SingleOrDefaultAsync() : null;
        var sections = await db.NewsletterSections.AsNoTracking().Where(s => s.NewsletterId == id).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Join(db.Platforms, s => s.PlatformId, p => p.Id, (s, p) => new { s.Id, s.PlatformId, p.Name, s.Status, s.UpdatedAt, s.UpdatedByName }).ToListAsync();
        var platformIds = sections.Select(s => s.PlatformId).ToList();
        var coordinators = (await db.PlatformMembers.Where(m => platformIds.Contains(m.PlatformId) && m.IsCoordinator && m.LeftOn == null)
            .Select(m => new { m.PlatformId, m.Person!.Name }).ToListAsync()).ToLookup(m => m.PlatformId, m => m.Name);
        var rows = new List<SectionRow>();
        await this.PrefetchPlatformRolesAsync(edition.InitiativeId);
        foreach (var s in sections)
        {
            var canEdit = await this.CanAsync(auth, AccessScope.ForPlatform(edition.InitiativeId, s.PlatformId), Operation.EditPlatformContent);
            rows.Add(new SectionRow(s.Id, s.PlatformId, s.Name, coordinators[s.PlatformId].Order().ToList(), s.Status, s.UpdatedAt, s.UpdatedByName, canEdit));
        }
        Sections = rows;
        if (edition.Status != EditionStatus.Draft)
        {
            Delivery = await desk.ProgressAsync(id);
        }
        if (fill)
        {
            (Title, Introduction, MinutesSummary, Version) = (edition.Title, edition.Introduction, edition.MinutesSummary, edition.Version);
        }
        return null;
    }
}
