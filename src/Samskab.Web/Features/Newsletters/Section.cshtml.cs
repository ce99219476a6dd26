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
/// A platform's section of an edition (the method's newsletter template): focus, progress (prefilled from goals,
/// ripples and the latest reality check), what has been hard, what comes next. Members of the platform write it.
/// </summary>
public class SectionModel(AppDbContext db, IAuthorizationService auth, NewsletterCompiler compiler, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Newsletter Edition { get; private set; } = null!;
    public NewsletterSection Section { get; private set; } = null!;
    public DevelopmentPlatform Platform { get; private set; } = null!;
    public IReadOnlyList<string> Coordinators { get; private set; } = [];
    public IReadOnlyList<string> Actors { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Prefilled { get; private set; }

    [BindProperty] public string? Focus { get; set; }
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? Challenges { get; set; }
    [BindProperty] public string? NextSteps { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int sectionId)
    {
        if (await LoadAsync(id, sectionId) is { } refused) return refused;
        (Focus, Progress, Challenges, NextSteps, Version) = (Section.Focus, Section.Progress, Section.Challenges, Section.NextSteps, Section.Version);
        if (Section.Status == SectionStatus.NotStarted && CanEdit && Edition.Status == EditionStatus.Draft)
        {
            Focus ??= Platform.FocusArea;
            Progress ??= await compiler.SuggestProgressAsync(Platform.Id, Edition.CoversFrom ?? Edition.CreatedAt.AddMonths(-6)) is { Length: > 0 } suggestion ? suggestion : null;
            Prefilled = true;
        }
        return Page();
    }

    /// <summary>Which of the two buttons was pressed: "Ready" or "Draft".</summary>
    [BindProperty] public string? Mark { get; set; }

    public Task<IActionResult> OnPostAsync(int id, int sectionId) =>
        SaveAsync(id, sectionId, Mark == nameof(SectionStatus.Ready) ? SectionStatus.Ready : SectionStatus.Draft);

    private async Task<IActionResult> SaveAsync(int id, int sectionId, SectionStatus status)
    {
        if (await LoadAsync(id, sectionId) is { } refused) return refused;
        if (!CanEdit) return this.Refuse();
        if (Edition.Status != EditionStatus.Draft)
        {
            ModelState.AddModelError(string.Empty, l["Nyhedsbrevet er sendt, så afsnittet kan ikke længere ændres."]);
            return Page();
        }
        foreach (var (key, value, max) in new[] { (nameof(Focus), Focus, 4000), (nameof(Progress), Progress, 8000), (nameof(Challenges), Challenges, 8000), (nameof(NextSteps), NextSteps, 8000) })
        {
            if (value?.Length > max) ModelState.AddModelError(key, l["Feltet må højst være {0} tegn.", max]);
        }
        if (status == SectionStatus.Ready)
        {
            if (string.IsNullOrWhiteSpace(Focus)) ModelState.AddModelError(nameof(Focus), l["Skriv platformens fokus lige nu, før afsnittet er klar."]);
            if (string.IsNullOrWhiteSpace(Progress)) ModelState.AddModelError(nameof(Progress), l["Skriv om fremdriften siden sidst, før afsnittet er klar."]);
        }
        else if (new[] { Focus, Progress, Challenges, NextSteps }.All(string.IsNullOrWhiteSpace))
        {
            ModelState.AddModelError(nameof(Focus), l["Skriv mindst ét felt, før du gemmer."]);
        }
        if (!ModelState.IsValid) return Page();
        var section = await db.NewsletterSections.SingleAsync(s => s.Id == sectionId);
        db.Entry(section).Property(s => s.Version).OriginalValue = Version;
        section.Focus = Trim(Focus);
        section.Progress = Trim(Progress);
        section.Challenges = Trim(Challenges);
        section.NextSteps = Trim(NextSteps);
        section.Status = status;
        section.UpdatedAt = clock.GetUtcNow();
        section.UpdatedByName = User.FindFirst(AppClaimsFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "";
        section.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["En anden fra platformen har gemt afsnittet, mens du skrev. Din tekst står stadig i felterne: kopiér den, genindlæs siden og flet den ind."]);
            return Page();
        }
        TempData["Success"] = status == SectionStatus.Ready ? l["Afsnittet er klar til nyhedsbrevet. Tak!"].Value : l["Afsnittet er gemt som kladde."].Value;
        return Redirect($"/nyhedsbreve/{id}/afsnit/{sectionId}");
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> LoadAsync(int id, int sectionId)
    {
        var section = await db.NewsletterSections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sectionId && s.NewsletterId == id);
        if (section is null) return NotFound();
        var edition = await db.Newsletters.AsNoTracking().SingleAsync(n => n.Id == id);
        var scope = AccessScope.ForPlatform(edition.InitiativeId, section.PlatformId);
        CanEdit = await this.CanAsync(auth, scope, Operation.EditPlatformContent);
        // Members write their own platform's section; the anchor person (who compiles) reads every section.
        if (!CanEdit && !await this.CanAsync(auth, AccessScope.ForInitiative(edition.InitiativeId), Operation.ComposeNewsletter)) return this.Refuse();
        (Edition, Section) = (edition, section);
        Platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == section.PlatformId);
        var members = await db.PlatformMembers.Where(m => m.PlatformId == section.PlatformId && m.LeftOn == null)
            .Select(m => new { m.IsCoordinator, m.Person!.Name, Organisation = m.Person.Organisation!.Name }).ToListAsync();
        Coordinators = members.Where(m => m.IsCoordinator).Select(m => m.Name).Order().ToList();
        Actors = members.Select(m => m.Organisation is null ? m.Name : $"{m.Name} ({m.Organisation})").Order().ToList();
        return null;
    }
}
