using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

/// <summary>The anchor person's dashboard: the state of the platforms and actors, and what needs attention now.</summary>
public class DashboardModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Samskab.Web.Features.Radar.StagnationRadar radar, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Something that needs attention, the link to act on it, and what that link asks of the viewer.</summary>
    public sealed record Attention(string Text, string Href, string LinkText, Operation Needs = Operation.ViewInitiative, int? PlatformId = null, string? WhoCan = null);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<(PlatformStatus Status, int Count)> PlatformsByStatus { get; private set; } = [];
    public IReadOnlyList<(OrganisationType? Type, int Count)> ActorsByType { get; private set; } = [];
    public IReadOnlyList<Attention> Attentions { get; private set; } = [];
    public IReadOnlyList<(int MemberId, string Name)> Inactive { get; private set; } = [];
    public IReadOnlyList<Samskab.Web.Features.Radar.StagnationRadar.Flag> Radar { get; private set; } = [];
    public int RecentRipples { get; private set; }
    public IReadOnlyList<(DateOnly HappenedOn, string What)> LatestRipples { get; private set; } = [];

    [BindProperty] public int StagnationWeeks { get; set; }
    [BindProperty] public int RealityCheckIntervalWeeks { get; set; }

    public async Task<IActionResult> OnPostRadarSettingsAsync(int id, CancellationToken ct)
    {
        if (!await db.Initiatives.AnyAsync(i => i.Id == id, ct)) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ActOnWholeInitiative)) return this.Refuse();
        if (StagnationWeeks is < 2 or > 52 || RealityCheckIntervalWeeks is < 2 or > 52)
        {
            ModelState.AddModelError(nameof(StagnationWeeks), l["Vælg mellem 2 og 52 uger."]);
            return await OnGetAsync(id, ct);
        }
        await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.StagnationWeeks, StagnationWeeks).SetProperty(i => i.RealityCheckIntervalWeeks, RealityCheckIntervalWeeks), ct);
        TempData["Success"] = l["Radarens indstillinger er gemt."].Value;
        return Redirect($"/initiativer/{id}/dashboard#radar");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.ActOnWholeInitiative)) return this.Refuse();
        (Id, Title) = (id, title);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var platforms = await db.Platforms.Where(p => p.InitiativeId == id)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Status,
                p.ExpectedResumeOn,
                Members = p.Members.Count(m => m.LeftOn == null),
                Coordinators = p.Members.Count(m => m.LeftOn == null && m.IsCoordinator),
            })
            .ToListAsync(ct);
        PlatformsByStatus = Enum.GetValues<PlatformStatus>().Select(s => (s, platforms.Count(p => p.Status == s))).ToList();

        var members = await db.InitiativeMembers.Where(m => m.InitiativeId == id)
            .Select(m => new
            {
                m.Id,
                m.PersonId,
                m.Person!.Name,
                Type = (OrganisationType?)m.Person.Organisation!.Type,
                m.Role,
                m.PreMeetingOn,
                m.MethodIntroducedOn,
                OnPlatform = db.PlatformMembers.Any(pm => pm.PersonId == m.PersonId && pm.LeftOn == null && pm.Platform!.InitiativeId == id
                    && (pm.Platform.Status == PlatformStatus.Active || pm.Platform.Status == PlatformStatus.Standby)),
            })
            .ToListAsync(ct);
        ActorsByType = members.GroupBy(m => m.Type).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();
        Inactive = members.Where(m => m.Role == InitiativeRole.Actor && !m.OnPlatform).OrderBy(m => m.Name).Select(m => (m.Id, m.Name)).ToList();

        var attention = new List<Attention>();
        foreach (var p in platforms.Where(p => p.Status == PlatformStatus.Active))
        {
            if (p.Coordinators == 0) attention.Add(new(l["{0} har ingen tovholder.", p.Name], $"/platforme/{p.Id}", "Udpeg en tovholder"));
            if (p.Members < 2) attention.Add(new(l["{0} har kun {1} medlem.", p.Name, p.Members], $"/platforme/{p.Id}", "Tilføj medlemmer"));
        }
        foreach (var p in platforms.Where(p => p.Status == PlatformStatus.Standby && p.ExpectedResumeOn is { } d && d < today))
        {
            attention.Add(new(l["{0} skulle være genoptaget {1}.", p.Name, p.ExpectedResumeOn!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)], $"/platforme/{p.Id}", "Genoptag eller luk"));
        }
        foreach (var m in members.Where(m => m.Role == InitiativeRole.Actor && (m.PreMeetingOn is null || m.MethodIntroducedOn is null)).OrderBy(m => m.Name))
        {
            attention.Add(new(m.PreMeetingOn is null ? l["{0} mangler formøde.", m.Name] : l["{0} mangler introduktion til metoden.", m.Name], $"/initiativer/{id}/aktoerer/{m.Id}", "Registrér introduktion"));
        }
        var objected = await db.ChangeProposals.Where(p => p.Platform!.InitiativeId == id && p.Status == ProposalStatus.Open && p.Responses.Any(r => !r.Agrees))
            .Select(p => new { p.PlatformId, PlatformName = p.Platform!.Name, p.Kind }).ToListAsync(ct);
        foreach (var p in objected)
        {
            attention.Add(new(l["Der er indsigelse mod et forslag på {0}: {1}.", p.PlatformName, l[PlatformText.Kind(p.Kind)]], $"/platforme/{p.PlatformId}#forslag", "Se forslaget"));
        }
        await MeetingWarningsAsync(id, platforms.Where(p => p.Status == PlatformStatus.Active).Select(p => (p.Id, p.Name)).ToList(), attention, ct);
        await NewsletterWarningsAsync(id, attention, ct);
        Attentions = attention;
        Radar = await radar.ScanAsync(id, ct);
        // The actions shown ask about each platform; one round trip answers for all of them.
        await this.PrefetchPlatformRolesAsync(id);
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-90);
        RecentRipples = await db.Ripples.CountAsync(r => r.InitiativeId == id && r.HappenedOn >= since, ct);
        LatestRipples = (await db.Ripples.Where(r => r.InitiativeId == id).OrderByDescending(r => r.HappenedOn).Take(3).Select(r => new { r.HappenedOn, r.What }).ToListAsync(ct))
            .Select(r => (r.HappenedOn, r.What)).ToList();
        var settings = await db.Initiatives.Where(i => i.Id == id).Select(i => new { i.StagnationWeeks, i.RealityCheckIntervalWeeks }).SingleAsync(ct);
        if (ModelState.IsValid)
        {
            (StagnationWeeks, RealityCheckIntervalWeeks) = (settings.StagnationWeeks, settings.RealityCheckIntervalWeeks);
        }
        return Page();
    }

    /// <summary>After every joint status meeting a newsletter (seed 001): say when it is missing or waiting for sections.</summary>
    private async Task NewsletterWarningsAsync(int id, List<Attention> attention, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Newsletters.Where(n => n.InitiativeId == id && n.Status == Newsletters.EditionStatus.Draft)
            .Select(n => new { n.Id, n.Title, Missing = n.Sections.Count(s => s.Status != Newsletters.SectionStatus.Ready) }).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            if (open.Missing > 0)
            {
                attention.Add(new(l["{0}: {1} platforme mangler deres afsnit.", open.Title, open.Missing], $"/nyhedsbreve/{open.Id}", "Se, hvem der mangler", Operation.ReadNewsletter));
            }
            return;
        }
        var lastStatus = await db.Meetings.Where(m => m.InitiativeId == id && m.Type == MeetingType.StatusMeeting && m.CancelledAt == null && m.EndsAt <= now)
            .OrderByDescending(m => m.StartsAt).Select(m => new { m.Id, m.Title, m.StartsAt }).FirstOrDefaultAsync(ct);
        if (lastStatus is not null && lastStatus.StartsAt > now.AddDays(-60) && !await db.Newsletters.AnyAsync(n => n.MeetingId == lastStatus.Id, ct))
        {
            attention.Add(new(l["Der er ikke lavet et nyhedsbrev efter {0} {1}.", lastStatus.Title, lastStatus.StartsAt.ToDanish().ToText("d. MMMM", System.Globalization.CultureInfo.CurrentCulture)],
                $"/moeder/{lastStatus.Id}", "Åbn nyhedsbrevet efter mødet", Operation.ComposeNewsletter, null, l["Ankerpersonen samler nyhedsbrevet."]));
        }
    }

    /// <summary>The meeting rhythm of the method (seed 001): platforms meet, coordinators meet, everyone meets twice a year.</summary>
    private async Task MeetingWarningsAsync(int id, List<(int Id, string Name)> activePlatforms, List<Attention> attention, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var meetings = await db.Meetings.Where(m => m.InitiativeId == id && m.CancelledAt == null)
            .Select(m => new { m.PlatformId, m.Type, m.StartsAt }).ToListAsync(ct);
        var created = await db.Platforms.Where(p => p.InitiativeId == id).Select(p => new { p.Id, p.CreatedAt }).ToDictionaryAsync(p => p.Id, p => p.CreatedAt, ct);
        foreach (var (pid, name) in activePlatforms)
        {
            var last = meetings.Where(m => m.PlatformId == pid && m.StartsAt <= now).Select(m => (DateTimeOffset?)m.StartsAt).Max() ?? created[pid];
            var planned = meetings.Any(m => m.PlatformId == pid && m.StartsAt > now);
            var weeks = (int)((now - last).TotalDays / 7);
            if (weeks >= 8 && !planned)
            {
                attention.Add(new(l["{0} har ikke holdt møde i {1} uger.", name, weeks], $"/initiativer/{id}/moeder/nyt?type=PlatformMeeting&platform={pid}", "Planlæg et møde",
                    Operation.PlanPlatformMeeting, pid, l["Tovholderen planlægger platformens møder – spørg tovholderen."]));
            }
        }
        if (activePlatforms.Count > 0 && !meetings.Any(m => m.Type == MeetingType.StatusMeeting && m.StartsAt > now))
        {
            attention.Add(new(l["Der er ikke planlagt et fælles statusmøde."], $"/initiativer/{id}/moeder/nyt?type=StatusMeeting", "Planlæg næste fælles statusmøde",
                Operation.PlanInitiativeMeeting, null, l["Ankerpersonen planlægger de fælles statusmøder."]));
        }
        var allHadFirst = activePlatforms.Count > 0 && activePlatforms.All(p => meetings.Any(m => m.PlatformId == p.Id && m.Type == MeetingType.FirstPlatformMeeting && m.StartsAt <= now));
        if (allHadFirst && !meetings.Any(m => m.Type == MeetingType.CoordinatorMeeting))
        {
            attention.Add(new(l["Alle platforme har holdt første møde, men tovholdermødet er ikke holdt."], $"/initiativer/{id}/moeder/nyt?type=CoordinatorMeeting", "Planlæg tovholdermødet",
                Operation.PlanInitiativeMeeting, null, l["Ankerpersonen indkalder til tovholdermødet."]));
        }
    }
}
