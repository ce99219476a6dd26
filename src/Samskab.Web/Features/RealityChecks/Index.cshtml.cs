using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.RealityChecks;

/// <summary>A platform's reality checks: the history, and starting a new one (the coordinator's chore).</summary>
public class IndexModel(AppDbContext db, IAuthorizationService auth, MailOutbox outbox, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, ProposedChange? Outcome, int Answers);

    public DevelopmentPlatform Platform { get; private set; } = null!;
    public IReadOnlyList<Row> Checks { get; private set; } = [];
    public bool CanStart { get; private set; }
    public DateOnly? NextStatusMeeting { get; private set; }

    [BindProperty] public string? DueBy { get; set; }

    public async Task<IActionResult> OnGetAsync(int platformId) => await LoadAsync(platformId) ?? Page();

    public async Task<IActionResult> OnPostAsync(int platformId, CancellationToken ct)
    {
        if (await LoadAsync(platformId) is { } refused) return refused;
        if (!CanStart) return this.Refuse();
        if (Checks.Any(c => c.ClosedAt is null))
        {
            ModelState.AddModelError(string.Empty, l["Der er allerede et åbent realitetstjek. Afslut det, før I starter et nyt."]);
            return Page();
        }
        var due = MeetingInput.ParseDate(DueBy);
        if (!string.IsNullOrWhiteSpace(DueBy) && due is null)
        {
            ModelState.AddModelError(nameof(DueBy), l["Skriv en dato, fx 2027-03-18."]);
            return Page();
        }
        var now = clock.GetUtcNow();
        var check = new RealityCheck { PlatformId = platformId, StartedAt = now, StartedByName = User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "", DueBy = due };
        db.RealityChecks.Add(check);
        await db.SaveChangesAsync(ct);
        var url = links.Absolute($"/realitetstjek/{check.Id}");
        var members = await db.PlatformMembers.Where(m => m.PlatformId == platformId && m.LeftOn == null && m.Person!.Email != null)
            .Select(m => new { m.PersonId, m.Person!.Name, m.Person.Email }).ToListAsync(ct);
        foreach (var m in members)
        {
            var (text, html) = MailTemplates.ActionMail(l["Hej {0}", m.Name].Value,
                [l["{0} har startet et realitetstjek: hvordan går det med målene, hvem deltager, og hvad står i vejen?", Platform.Name].Value,
                 due is { } d ? l["Svar senest {0}.", d.ToText("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value : l["Svar gerne inden næste møde."].Value],
                l["Svar på realitetstjekket"].Value, url, l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(m.Email!, m.Name, l["Realitetstjek: {0}", Platform.Name].Value, text, html, "RealityCheck", $"realitycheck:{check.Id}:person:{m.PersonId}"));
        }
        db.Append(User, now, Platform.InitiativeId, platformId, TimelineEvents.Event("realitycheck.started", "realitycheck.started", Platform.Name));
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        TempData["Success"] = l["Realitetstjekket er startet, og {0} medlemmer har fået en mail.", members.Count].Value;
        return Redirect($"/realitetstjek/{check.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int platformId)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == platformId);
        if (platform is null) return NotFound();
        var scope = AccessScope.ForPlatform(platform.InitiativeId, platform.Id);
        if (!await this.CanAsync(auth, scope, Operation.ViewPlatform)) return this.Refuse();
        Platform = platform;
        CanStart = await this.CanAsync(auth, scope, Operation.StartRealityCheck);
        Checks = await db.RealityChecks.Where(c => c.PlatformId == platformId).OrderByDescending(c => c.StartedAt)
            .Select(c => new Row(c.Id, c.StartedAt, c.ClosedAt, c.Outcome, c.Answers.Count)).ToListAsync();
        var now = clock.GetUtcNow();
        var next = await db.Meetings.Where(m => m.InitiativeId == platform.InitiativeId && m.Type == MeetingType.StatusMeeting && m.CancelledAt == null && m.StartsAt > now)
            .OrderBy(m => m.StartsAt).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync();
        NextStatusMeeting = next is { } n ? DateOnly.FromDateTime(n.ToDanish().DateTime) : null;
        DueBy ??= NextStatusMeeting?.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }
}
