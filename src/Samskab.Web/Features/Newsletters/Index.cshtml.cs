using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Newsletters;

/// <summary>An initiative's newsletters: the archive for the actors, and where the anchor person opens a new edition.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth, NewsletterDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(int Id, int Number, string Title, EditionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Sections, int Ready, int Recipients, bool IsPublic);
    public sealed record MeetingChoice(int Id, string Title, DateTimeOffset StartsAt, bool HasEdition);

    public Initiative Initiative { get; private set; } = null!;
    public IReadOnlyList<Row> Editions { get; private set; } = [];
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];
    public bool CanCompose { get; private set; }
    public bool CanRead { get; private set; }

    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public string? Title { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanCompose) return this.Refuse();
        if (Title?.Length > 200) ModelState.AddModelError(nameof(Title), l["Titlen må højst være 200 tegn."]);
        if (MeetingId is int mid && Meetings.All(m => m.Id != mid)) ModelState.AddModelError(nameof(MeetingId), l["Vælg et fælles statusmøde fra listen."]);
        if (!ModelState.IsValid) return Page();
        if (Editions.FirstOrDefault(e => e.Status == EditionStatus.Draft) is { } open)
        {
            TempData["Success"] = l["Der er allerede et nyhedsbrev under udarbejdelse – her er det."].Value;
            return Redirect($"/nyhedsbreve/{open.Id}");
        }
        try
        {
            var edition = await desk.OpenAsync(id, MeetingId, Title, User, ct);
            TempData["Success"] = l["Nyhedsbrevet er åbnet. Platformene kan nu skrive deres afsnit."].Value;
            return Redirect($"/nyhedsbreve/{edition.Id}");
        }
        catch (DbUpdateException)
        {
            // A double click: the other click opened it.
            var latest = await db.Newsletters.Where(n => n.InitiativeId == id).OrderByDescending(n => n.Number).Select(n => n.Id).FirstAsync(ct);
            return Redirect($"/nyhedsbreve/{latest}");
        }
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (initiative is null) return NotFound();
        var scope = AccessScope.ForInitiative(id);
        if (!await this.CanAsync(auth, scope, Operation.ViewInitiative)) return this.Refuse();
        Initiative = initiative;
        CanCompose = await this.CanAsync(auth, scope, Operation.ComposeNewsletter);
        CanRead = await this.CanAsync(auth, scope, Operation.ReadNewsletter);
        var editions = await db.Newsletters.AsNoTracking().Where(n => n.InitiativeId == id)
            .OrderByDescending(n => n.Number)
            .Select(n => new Row(n.Id, n.Number, n.Title, n.Status, n.CreatedAt, n.SendStartedAt, n.Sections.Count, n.Sections.Count(s => s.Status == SectionStatus.Ready),
                db.NewsletterRecipients.Count(r => r.NewsletterId == n.Id && r.Problem == null), n.IsPublic))
            .ToListAsync();
        // Those who may not read the archive (observers) see the editions made public.
        Editions = CanRead ? editions : editions.Where(e => e.IsPublic).ToList();
        var withEdition = await db.Newsletters.Where(n => n.InitiativeId == id && n.MeetingId != null).Select(n => n.MeetingId!.Value).ToListAsync();
        Meetings = (await db.Meetings.AsNoTracking()
                .Where(m => m.InitiativeId == id && m.Type == MeetingType.StatusMeeting && m.CancelledAt == null)
                .Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync())
            .OrderByDescending(m => m.StartsAt).Take(10)
            .Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAt, withEdition.Contains(m.Id))).ToList();
        MeetingId ??= Meetings.FirstOrDefault(m => !m.HasEdition && m.StartsAt <= clock.GetUtcNow().AddDays(1))?.Id;
        return null;
    }
}
