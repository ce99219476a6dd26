using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

/// <summary>A meeting before, during and after: replies, agenda and minutes, decisions, agreements, attendance.</summary>
public class DetailsModel(AppDbContext db, IAuthorizationService auth, MeetingScheduler scheduler, MailOutbox outbox, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record InviteeRow(int InvitationId, int PersonId, string Name, string? Organisation, Reply Reply, bool? Attended, bool HasEmail);
    public sealed record AgreementRow(int Id, string Text, string Owner, int OwnerPersonId, DateOnly? Deadline, DateTimeOffset? DoneAt);
    public sealed record Choice(int Id, string Name);

    public Meeting Meeting { get; private set; } = null!;
    public string InitiativeTitle { get; private set; } = "";
    public string? PlatformName { get; private set; }
    public string? HostName { get; private set; }
    public IReadOnlyList<InviteeRow> Invitees { get; private set; } = [];
    public IReadOnlyList<(int Id, string Text)> Decisions { get; private set; } = [];
    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];
    public IReadOnlyList<Choice> OwnerChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, string? Responsible, string? Minutes)> Agenda { get; private set; } = [];
    public Invitation? MyInvitation { get; private set; }
    public int? MyPersonId { get; private set; }
    public bool CanPlan { get; private set; }
    public bool CanContribute { get; private set; }

    /// <summary>The newsletter edition opened after this joint status meeting, if any.</summary>
    public int? NewsletterId { get; private set; }
    public bool IsCancelled => Meeting.CancelledAt is not null;
    public bool IsPast => Meeting.EndsAt < clock.GetUtcNow();

    /// <summary>Minutes, decisions, agreements and attendance belong to a meeting that has begun; the agenda is planned before.</summary>
    public bool HasStarted => Meeting.StartsAt <= clock.GetUtcNow();

    /// <summary>Whether this person writes the minutes here (and sees one form for the whole meeting).</summary>
    public bool WritesMinutes => CanContribute && HasStarted && !IsCancelled;

    /// <summary>The list of invitees shown: all, or those with one answer (ja, nej, maaske, ikke-svaret).</summary>
    [BindProperty(SupportsGet = true, Name = "svar")] public string? ShowReply { get; set; }

    // One form holds the whole meeting's work, so whichever button is pressed, nothing typed is lost.
    /// <summary>Read from the posted form by hand ("Minutes[12]"): a bound dictionary would fall back to every other field.</summary>
    public Dictionary<int, string?> Minutes { get; private set; } = [];
    [BindProperty] public string? NewItemTitle { get; set; }
    [BindProperty] public string? DecisionText { get; set; }
    [BindProperty] public string? AgreementText { get; set; }
    [BindProperty] public int? AgreementOwner { get; set; }
    [BindProperty] public string? AgreementDeadline { get; set; }

    /// <summary>What the person typed under an item (kept on a page shown again), else what is saved.</summary>
    public string? MinutesFor(int itemId, string? saved) => Minutes.TryGetValue(itemId, out var typed) ? typed : saved;

    public IEnumerable<InviteeRow> ShownInvitees => ShowReply switch
    {
        "ja" => Invitees.Where(i => i.Reply == Reply.Yes),
        "nej" => Invitees.Where(i => i.Reply == Reply.No),
        "maaske" => Invitees.Where(i => i.Reply == Reply.Maybe),
        "ikke-svaret" => Invitees.Where(i => i.Reply == Reply.None),
        _ => Invitees,
    };

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? End { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? OnlineUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostReplyAsync(int id, Reply reply, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (MyInvitation is null) return this.Refuse();
        if (IsCancelled) return this.Problem(l["Mødet er aflyst, så der skal ikke svares."]);
        if (reply is not (Reply.Yes or Reply.No or Reply.Maybe)) return this.Problem(l["Vælg ja, nej eller måske."]);
        var invitation = await db.Invitations.SingleAsync(i => i.Id == MyInvitation.Id, cancellationToken: ct);
        invitation.Reply = reply;
        invitation.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Dit svar er gemt."].Value;
        return Redirect($"/moeder/{id}");
    }

    /// <summary>A new time or place: the same calendar entry is updated for everyone (same UID, higher SEQUENCE).</summary>
    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPlan) return this.Refuse();
        if (IsCancelled) return this.Problem(l["Mødet er aflyst."]);
        var date = MeetingInput.ParseDate(Date);
        var start = MeetingInput.ParseTime(Start);
        var end = MeetingInput.ParseTime(End);
        if (date is null) ModelState.AddModelError(nameof(Date), l["Skriv en dato, fx 2027-03-18."]);
        if (start is null) ModelState.AddModelError(nameof(Start), l["Skriv et starttidspunkt, fx 17:00."]);
        if (end is null) ModelState.AddModelError(nameof(End), l["Skriv et sluttidspunkt, fx 19:00."]);
        if (!ModelState.IsValid) return Page();
        var startsAt = MeetingInput.ToUtc(date!.Value, start!.Value);
        var endsAt = MeetingInput.ToUtc(date.Value, end!.Value);
        if (startsAt is null || endsAt is null) return this.Problem(l["Klokkeslættet findes ikke den dag (uret stilles frem til sommertid). Vælg et andet."]);
        if (endsAt <= startsAt) return this.Problem(l["Mødet skal slutte, efter det begynder."]);
        if (startsAt < clock.GetUtcNow()) return this.Problem(l["Mødet ligger i fortiden. Vælg et tidspunkt fremover."]);
        // The same checks as planning: a place of reasonable length, and a link that is a web address.
        if (Location?.Trim().Length > MeetingInput.MaxLocation) return this.Problem(l["Stedet må højst være 300 tegn."]);
        if (!string.IsNullOrWhiteSpace(OnlineUrl) && !MeetingInput.IsWebAddress(OnlineUrl)) return this.Problem(l["Skriv en hel webadresse, fx https://eksempel.dk."]);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, cancellationToken: ct);
        var changed = meeting.StartsAt != startsAt || meeting.EndsAt != endsAt || (meeting.Location ?? "") != (Location?.Trim() ?? "") || (meeting.OnlineUrl ?? "") != (OnlineUrl?.Trim() ?? "");
        if (!changed)
        {
            TempData["Success"] = l["Intet er ændret."].Value;
            return Redirect($"/moeder/{id}");
        }
        meeting.StartsAt = startsAt.Value;
        meeting.EndsAt = endsAt.Value;
        meeting.Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
        meeting.OnlineUrl = string.IsNullOrWhiteSpace(OnlineUrl) ? null : OnlineUrl.Trim();
        meeting.Sequence++;
        meeting.Version++;
        db.Append(User, clock.GetUtcNow(), meeting.InitiativeId, meeting.PlatformId, meeting.Location is null
            ? TimelineEvents.Event("meeting.changed", "meeting.changed", meeting.Title, TimelineEvents.Instant(meeting.StartsAt))
            : TimelineEvents.Event("meeting.changed", "meeting.changed.place", meeting.Title, TimelineEvents.Instant(meeting.StartsAt), meeting.Location));
        await db.SaveChangesAsync(ct);
        var queued = await scheduler.SendPendingAsync(id, User, ct);
        TempData["Success"] = l["Mødet er ændret, og {0} har fået besked, så deres kalender opdateres.", queued].Value;
        return Redirect($"/moeder/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPlan) return this.Refuse();
        if (IsCancelled) return this.Problem(l["Mødet er allerede aflyst."]);
        if (reason?.Length > 1000) return this.Problem(l["Begrundelsen må højst være 1000 tegn."]);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, cancellationToken: ct);
        meeting.CancelledAt = clock.GetUtcNow();
        meeting.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        meeting.Sequence++;
        meeting.Version++;
        db.Append(User, meeting.CancelledAt.Value, meeting.InitiativeId, meeting.PlatformId,
            TimelineEvents.Event("meeting.cancelled", "meeting.cancelled", meeting.Title, TimelineEvents.Day(DateOnly.FromDateTime(meeting.StartsAt.ToDanish().DateTime))), reason);
        await db.SaveChangesAsync(ct);
        var queued = await scheduler.SendPendingAsync(id, User, ct);
        TempData["Success"] = l["Mødet er aflyst, og {0} har fået besked.", queued].Value;
        return Redirect($"/moeder/{id}");
    }

    public async Task<IActionResult> OnPostRemindAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPlan) return this.Refuse();
        if (IsCancelled) return this.Problem(l["Mødet er aflyst."]);
        var queued = await scheduler.RemindAsync(id, User);
        TempData["Success"] = queued == 0 ? l["Der er ingen at minde om i dag – alle har svaret eller fået en påmindelse i dag."].Value : l["{0} har fået en påmindelse.", queued].Value;
        return Redirect($"/moeder/{id}");
    }

    public async Task<IActionResult> OnPostAgendaItemAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanContribute) return this.Refuse();
        if (!await SaveTypedMinutesAsync()) return Page();
        if (string.IsNullOrWhiteSpace(NewItemTitle)) return this.Problem(l["Skriv punktets titel."], nameof(NewItemTitle));
        if (NewItemTitle.Length > 300) return this.Problem(l["Punktets titel må højst være 300 tegn."], nameof(NewItemTitle));
        var order = await db.AgendaItems.Where(a => a.MeetingId == id).Select(a => (int?)a.Order).MaxAsync(ct) ?? 0;
        db.AgendaItems.Add(new AgendaItem { MeetingId = id, Order = order + 1, Title = NewItemTitle.Trim(), ResponsiblePersonId = MyPersonId });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Punktet er tilføjet dagsordenen."].Value;
        return Redirect($"/moeder/{id}#dagsorden");
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!WritesMinutes) return this.Refuse();
        if (!await SaveTypedMinutesAsync()) return Page();
        TempData["Success"] = l["Referatet er gemt."].Value;
        return Redirect($"/moeder/{id}#dagsorden");
    }

    public async Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!WritesMinutes) return this.Refuse();
        if (!await SaveTypedMinutesAsync()) return Page();
        if (string.IsNullOrWhiteSpace(DecisionText)) return this.Problem(l["Skriv beslutningen."], nameof(DecisionText));
        if (DecisionText.Length > 2000) return this.Problem(l["Beslutningen må højst være 2000 tegn."], nameof(DecisionText));
        var text = DecisionText.Trim();
        db.Decisions.Add(new Decision { MeetingId = id, Text = text, CreatedAt = clock.GetUtcNow() });
        db.Append(User, clock.GetUtcNow(), Meeting.InitiativeId, Meeting.PlatformId, TimelineEvents.Event("meeting.decision", "meeting.decision", Meeting.Title, text));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Beslutningen er gemt."].Value;
        return Redirect($"/moeder/{id}#beslutninger");
    }

    public async Task<IActionResult> OnPostAgreementAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!WritesMinutes) return this.Refuse();
        if (!await SaveTypedMinutesAsync()) return Page();
        if (string.IsNullOrWhiteSpace(AgreementText)) return this.Problem(l["Skriv, hvad aftalen går ud på."], nameof(AgreementText));
        if (AgreementText.Length > 1000) return this.Problem(l["Aftalen må højst være 1000 tegn."], nameof(AgreementText));
        if (AgreementOwner is not int owner || !OwnerChoices.Any(o => o.Id == owner)) return this.Problem(l["Vælg, hvem der har ansvaret for aftalen."], nameof(AgreementOwner));
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(AgreementDeadline))
        {
            due = MeetingInput.ParseDate(AgreementDeadline);
            if (due is null || !SafeDates.InRange(due.Value)) return this.Problem(l["Skriv fristen som en dato, fx 2027-03-18."], nameof(AgreementDeadline));
        }
        db.Agreements.Add(new Agreement { InitiativeId = Meeting.InitiativeId, PlatformId = Meeting.PlatformId, MeetingId = id, Text = AgreementText.Trim(), OwnerPersonId = owner, Deadline = due, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Aftalen er gemt og vises på ansvarliges overblik."].Value;
        return Redirect($"/moeder/{id}#aftaler");
    }

    public async Task<IActionResult> OnPostAgreementDoneAsync(int id, int agreementId, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.MeetingId == id, cancellationToken: ct);
        if (agreement is null) return NotFound();
        if (agreement.OwnerPersonId != MyPersonId && !CanPlan) return this.Refuse();
        if (!await SaveTypedMinutesAsync()) return Page();
        agreement.DoneAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Aftalen er markeret som udført."].Value;
        return Redirect($"/moeder/{id}#aftaler");
    }

    /// <summary>
    /// Saves what was typed under each agenda item, whichever button of the meeting's form was pressed. False (with
    /// the page ready to show again, every text kept) when a text is too long.
    /// </summary>
    private async Task<bool> SaveTypedMinutesAsync()
    {
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("Minutes[", StringComparison.Ordinal) && key.EndsWith(']')
                && int.TryParse(key.AsSpan(8, key.Length - 9), System.Globalization.CultureInfo.InvariantCulture, out var itemId))
            {
                Minutes[itemId] = value.ToString();
            }
        }
        if (!WritesMinutes || Minutes.Count == 0)
        {
            return true;
        }
        foreach (var (itemId, text) in Minutes)
        {
            if (text?.Length > 8000)
            {
                ModelState.AddModelError($"Minutes[{itemId}]", l["Referatet må højst være 8000 tegn pr. punkt."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return false;
        }
        var ids = Minutes.Keys.ToList();
        var items = await db.AgendaItems.Where(a => a.MeetingId == Meeting.Id && ids.Contains(a.Id)).ToListAsync();
        foreach (var item in items)
        {
            var text = Minutes[item.Id];
            item.Minutes = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<int> attended, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPlan) return this.Refuse();
        if (!HasStarted) return this.Problem(l["Fremmødet registreres, når mødet er begyndt."]);
        var invitations = await db.Invitations.Where(i => i.MeetingId == id).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.Attended = attended.Contains(invitation.Id);
        }
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Fremmødet er registreret."].Value;
        return Redirect($"/moeder/{id}#deltagere");
    }

    public async Task<IActionResult> OnPostSendMinutesAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPlan) return this.Refuse();
        var now = clock.GetUtcNow();
        var url = links.Absolute($"/moeder/{id}");
        var sent = 0;
        // Keyed on the previous sending: a double click sends the same keys, and the unique key keeps one of each.
        var generation = Meeting.MinutesSentAt?.ToUnixTimeMilliseconds() ?? 0;
        var withEmail = Invitees.Where(i => i.HasEmail).Select(i => i.PersonId).ToList();
        var emails = await db.People.Where(p => withEmail.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Email!);
        foreach (var invitee in Invitees.Where(i => i.HasEmail))
        {
            var email = emails[invitee.PersonId];
            var lines = Agenda.Select((a, n) => $"{n + 1}. {a.Title}" + (a.Minutes is null ? "" : ": " + a.Minutes)).ToList();
            lines.AddRange(Decisions.Select(d => l["Beslutning: {0}", d.Text].Value));
            lines.AddRange(Agreements.Select(a => l["Aftale: {0} ({1}{2})", a.Text, a.Owner, a.Deadline is { } dl ? ", " + dl.ToString("d", System.Globalization.CultureInfo.CurrentCulture) : ""].Value));
            var (text, html) = MailTemplates.ActionMail(l["Hej {0}", invitee.Name].Value, [l["Her er referatet fra {0}.", Meeting.Title].Value, .. lines], l["Se mødet"].Value, url, l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(email, invitee.Name, l["Referat: {0}", Meeting.Title].Value, text, html, "Minutes", $"meeting:{id}:minutes:{generation}:person:{invitee.PersonId}"));
            sent++;
        }
        await outbox.SaveIgnoringDuplicatesAsync();
        await db.Meetings.Where(m => m.Id == id && m.MinutesSentAt == Meeting.MinutesSentAt).ExecuteUpdateAsync(s => s.SetProperty(m => m.MinutesSentAt, now));
        TempData["Success"] = l["Referatet er sendt til {0}.", sent].Value;
        return Redirect($"/moeder/{id}");
    }


    private async Task<IActionResult?> LoadAsync(int id)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.HostOrganisation).SingleOrDefaultAsync(m => m.Id == id);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        var scope = AccessScope.ForMeeting(meeting.InitiativeId, meeting.PlatformId, id);
        var invitedHere = (await auth.AuthorizeAsync(User, scope, Operation.ContributeToMeeting)).Succeeded;
        if (!await this.CanAsync(auth, scope, Operation.ViewInitiative) && !invitedHere) return this.Refuse();
        CanContribute = invitedHere;
        CanPlan = MeetingTemplates.Of(meeting.Type).PlatformMeeting && meeting.PlatformId is int pid
            ? await this.CanAsync(auth, AccessScope.ForPlatform(meeting.InitiativeId, pid), Operation.PlanPlatformMeeting)
            : await this.CanAsync(auth, AccessScope.ForInitiative(meeting.InitiativeId), Operation.PlanInitiativeMeeting);
        CanContribute |= CanPlan;
        InitiativeTitle = await db.Initiatives.Where(i => i.Id == meeting.InitiativeId).Select(i => i.Title).SingleAsync();
        PlatformName = meeting.PlatformId is int p ? await db.Platforms.Where(x => x.Id == p).Select(x => x.Name).SingleAsync() : null;
        HostName = meeting.HostOrganisation?.Name;
        NewsletterId = await db.Newsletters.Where(n => n.MeetingId == id).Select(n => (int?)n.Id).FirstOrDefaultAsync();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Invitees = await db.Invitations.Where(i => i.MeetingId == id).OrderBy(i => i.Person!.Name)
            .Select(i => new InviteeRow(i.Id, i.PersonId, i.Person!.Name, i.Person.Organisation!.Name, i.Reply, i.Attended, i.Person.Email != null)).ToListAsync();
        MyInvitation = userId is null ? null : await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.MeetingId == id && i.Person!.UserId == userId);
        MyPersonId = MyInvitation?.PersonId ?? (userId is null ? null : await db.People.Where(x => x.UserId == userId).Select(x => (int?)x.Id).FirstOrDefaultAsync());
        Agenda = (await db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order)
            .Select(a => new { a.Id, a.Title, Responsible = a.ResponsiblePerson!.Name, a.Minutes }).ToListAsync())
            .Select(a => (a.Id, a.Title, (string?)a.Responsible, a.Minutes)).ToList();
        Decisions = (await db.Decisions.Where(d => d.MeetingId == id).OrderBy(d => d.Id).Select(d => new { d.Id, d.Text }).ToListAsync()).Select(d => (d.Id, d.Text)).ToList();
        Agreements = await db.Agreements.Where(a => a.MeetingId == id).OrderBy(a => a.Id)
            .Select(a => new AgreementRow(a.Id, a.Text, a.OwnerPerson!.Name, a.OwnerPersonId, a.Deadline, a.DoneAt)).ToListAsync();
        OwnerChoices = await db.InitiativeMembers.Where(m => m.InitiativeId == meeting.InitiativeId && m.Role != InitiativeRole.Observer)
            .OrderBy(m => m.Person!.Name).Select(m => new Choice(m.PersonId, m.Person!.Name)).ToListAsync();
        if (Date is null)
        {
            var start = meeting.StartsAt.ToDanish();
            Date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Start = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            End = meeting.EndsAt.ToDanish().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            Location = meeting.Location;
            OnlineUrl = meeting.OnlineUrl;
        }
        return null;
    }
}
