using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

public class PlanModel(AppDbContext db, IAuthorizationService auth, MeetingScheduler scheduler, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public MeetingType Type { get; set; } = MeetingType.PlatformMeeting;
        public int? PlatformId { get; set; }

        [Required(ErrorMessage = "Giv mødet en titel.")]
        [StringLength(200, ErrorMessage = "Titlen må højst være 200 tegn.")]
        public string Title { get; set; } = "";

        public string? Date { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }

        [StringLength(300, ErrorMessage = "Stedet må højst være 300 tegn.")]
        public string? Location { get; set; }

        [StringLength(500, ErrorMessage = "Linket må højst være 500 tegn.")]
        public string? OnlineUrl { get; set; }

        public int? HostOrganisationId { get; set; }

        [StringLength(200, ErrorMessage = "Feltet må højst være 200 tegn.")]
        public string? GuestSpeaker { get; set; }

        [StringLength(4000, ErrorMessage = "Dagsordenen må højst være 4000 tegn.")]
        public string? Agenda { get; set; }

        public InviteeGroup Invitees { get; set; } = InviteeGroup.Platform;
        public List<int> Chosen { get; set; } = [];
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string InitiativeTitle { get; private set; } = "";
    public IReadOnlyList<Choice> Platforms { get; private set; } = [];
    public IReadOnlyList<Choice> People { get; private set; } = [];
    public IReadOnlyList<MeetingScheduler.HostHistory> Hosts { get; private set; } = [];
    public IReadOnlyList<MeetingTemplates.Template> Types { get; private set; } = [];
    public bool CanPlanInitiativeMeetings { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, MeetingType? type, int? platform)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var template = MeetingTemplates.Of(type is { } t && Types.Any(x => x.Type == t) ? t : Types[0].Type);
        Input.Type = template.Type;
        Input.PlatformId = template.PlatformMeeting ? platform ?? (Platforms.Count > 0 ? Platforms[0].Id : null) : null;
        Input.Title = template.Name + (template.PlatformMeeting && Platforms.FirstOrDefault(p => p.Id == Input.PlatformId) is { } p ? ": " + p.Name : "");
        Input.Agenda = string.Join('\n', template.Agenda);
        Input.Invitees = template.Type switch
        {
            MeetingType.CoordinatorMeeting => InviteeGroup.AllCoordinators,
            MeetingType.StatusMeeting or MeetingType.EstablishmentWorkshop or MeetingType.CitizenCamp => InviteeGroup.WholeInitiative,
            MeetingType.PreMeeting => InviteeGroup.Chosen,
            _ => InviteeGroup.Platform,
        };
        var date = DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime).AddDays(14);
        if (template.Type == MeetingType.StatusMeeting)
        {
            var (proposed, host) = await scheduler.ProposeStatusMeetingAsync(id);
            date = proposed;
            Input.HostOrganisationId = host;
        }
        Input.Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input.Start = "17:00";
        Input.End = TimeOnly.Parse("17:00", System.Globalization.CultureInfo.InvariantCulture).Add(template.Length).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!Types.Any(t => t.Type == Input.Type))
        {
            return this.Refuse();
        }
        var template = MeetingTemplates.Of(Input.Type);
        if (template.PlatformMeeting && (Input.PlatformId is null || !Platforms.Any(p => p.Id == Input.PlatformId)))
        {
            ModelState.AddModelError("Input.PlatformId", l["Vælg den platform, mødet er for."]);
        }
        if (!template.PlatformMeeting)
        {
            Input.PlatformId = null;
        }
        if (!string.IsNullOrWhiteSpace(Input.OnlineUrl) && !MeetingInput.IsWebAddress(Input.OnlineUrl))
        {
            ModelState.AddModelError("Input.OnlineUrl", l["Skriv en hel webadresse, fx https://eksempel.dk."]);
        }
        var date = MeetingInput.ParseDate(Input.Date);
        var start = MeetingInput.ParseTime(Input.Start);
        var end = MeetingInput.ParseTime(Input.End);
        if (date is null) ModelState.AddModelError("Input.Date", l["Skriv en dato, fx 2027-03-18."]);
        if (start is null) ModelState.AddModelError("Input.Start", l["Skriv et starttidspunkt, fx 17:00."]);
        if (end is null) ModelState.AddModelError("Input.End", l["Skriv et sluttidspunkt, fx 19:00."]);
        DateTimeOffset? startsAt = null, endsAt = null;
        if (date is { } d && start is { } s && end is { } e)
        {
            startsAt = MeetingInput.ToUtc(d, s);
            endsAt = MeetingInput.ToUtc(d, e);
            if (startsAt is null) ModelState.AddModelError("Input.Start", l["Klokkeslættet findes ikke den dag (uret stilles frem til sommertid). Vælg et andet."]);
            if (endsAt is null) ModelState.AddModelError("Input.End", l["Klokkeslættet findes ikke den dag (uret stilles frem til sommertid). Vælg et andet."]);
            if (startsAt is { } a && endsAt is { } b && b <= a) ModelState.AddModelError("Input.End", l["Mødet skal slutte, efter det begynder."]);
            if (startsAt is { } a2 && a2 < clock.GetUtcNow()) ModelState.AddModelError("Input.Date", l["Mødet ligger i fortiden. Vælg et tidspunkt fremover."]);
        }
        if (Input.HostOrganisationId is int host && !Hosts.Any(h => h.OrganisationId == host))
        {
            ModelState.AddModelError("Input.HostOrganisationId", l["Vælg en værtsorganisation fra listen."]);
        }
        if (!Enum.IsDefined(Input.Invitees))
        {
            ModelState.AddModelError("Input.Invitees", l["Vælg, hvem der inviteres."]);
        }
        var invitees = ModelState.IsValid ? await scheduler.InviteesAsync(id, Input.PlatformId, Input.Invitees, Input.Chosen, ct) : [];
        if (ModelState.IsValid && invitees.Count == 0)
        {
            ModelState.AddModelError("Input.Invitees", l["Der er ingen at invitere. Vælg en anden gruppe eller vælg personer."]);
        }
        if (!ModelState.IsValid) return Page();

        var meeting = scheduler.Create(id, Input.PlatformId, Input.Type, Input.Title.Trim(), startsAt!.Value, endsAt!.Value, Input.Location?.Trim(), Input.OnlineUrl?.Trim(),
            Input.HostOrganisationId, Input.GuestSpeaker?.Trim(), null, (Input.Agenda ?? "").Split('\n'), invitees, User);
        await db.SaveChangesAsync(ct);
        db.Append(User, clock.GetUtcNow(), id, Input.PlatformId, invitees.Count == 1
            ? TimelineEvents.Event("meeting.planned", "meeting.planned.one", meeting.Title, TimelineEvents.Instant(meeting.StartsAt))
            : TimelineEvents.Event("meeting.planned", "meeting.planned", meeting.Title, TimelineEvents.Instant(meeting.StartsAt), invitees.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        var queued = await scheduler.SendPendingAsync(meeting.Id, User, ct);
        if (meeting.Type == MeetingType.StatusMeeting)
        {
            await scheduler.RemindRealityChecksAsync(meeting.Id, ct);
        }
        TempData["Success"] = l["Mødet er planlagt, og {0} invitationer er sendt.", queued].Value;
        return Redirect($"/moeder/{meeting.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var title = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync();
        if (title is null) return NotFound();
        (Id, InitiativeTitle) = (id, title);
        CanPlanInitiativeMeetings = await this.CanAsync(auth, AccessScope.ForInitiative(id), Operation.PlanInitiativeMeeting);
        var platforms = await db.Platforms.Where(p => p.InitiativeId == id && (p.Status == PlatformStatus.Active || p.Status == PlatformStatus.Standby))
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync();
        var plannable = new List<Choice>();
        await this.PrefetchPlatformRolesAsync(id);
        foreach (var p in platforms)
        {
            if (await this.CanAsync(auth, AccessScope.ForPlatform(id, p.Id), Operation.PlanPlatformMeeting))
            {
                plannable.Add(p);
            }
        }
        Platforms = plannable;
        Types = MeetingTemplates.All.Where(t => (t.PlatformMeeting && plannable.Count > 0) || (t.InitiativeMeeting && CanPlanInitiativeMeetings)).ToList();
        if (Types.Count == 0) return this.Refuse();
        People = await db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Role != InitiativeRole.Observer)
            .OrderBy(m => m.Person!.Name).Select(m => new Choice(m.PersonId, m.Person!.Name)).ToListAsync();
        Hosts = await scheduler.HostRotationAsync(id);
        return null;
    }
}
