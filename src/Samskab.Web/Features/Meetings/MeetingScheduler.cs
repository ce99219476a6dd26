using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

public enum InviteeGroup
{
    Platform = 1,
    AllCoordinators = 2,
    WholeInitiative = 3,
    Chosen = 4,
}

/// <summary>
/// Plans meetings and keeps invitees' calendars in step: invitations, updates (same UID, higher SEQUENCE),
/// cancellations and reminders go through the outbox, each keyed so that no invitee gets the same mail twice, also
/// after a double click or with several app instances.
/// </summary>
public sealed class MeetingScheduler(AppDbContext db, MailOutbox outbox, LinkBuilder links, ReplyLinks replyLinks, TimeProvider clock, IOptions<MailSettings> mail, IStringLocalizer<SharedResource> l)
{
    public static readonly TimeSpan StatusMeetingInterval = TimeSpan.FromDays(182);

    public sealed record HostHistory(int OrganisationId, string Name, DateTimeOffset? LastHosted);

    /// <summary>
    /// Organisations of the initiative's actors that can host (not the "citizens/unorganised" type, which has no
    /// premises), those who hosted least recently (or never) first. Only meetings held count as hosting.
    /// </summary>
    public async Task<List<HostHistory>> HostRotationAsync(int initiativeId, CancellationToken ct = default)
    {
        var organisations = await db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && m.Person!.OrganisationId != null
                && m.Person.Organisation!.Type != Samskab.Web.Features.Actors.OrganisationType.Citizen)
            .Select(m => new { Id = m.Person!.OrganisationId!.Value, m.Person.Organisation!.Name })
            .Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var hosted = await db.Meetings.Where(m => m.InitiativeId == initiativeId && m.HostOrganisationId != null && m.CancelledAt == null && m.StartsAt <= now)
            .GroupBy(m => m.HostOrganisationId!.Value)
            .Select(g => new { Id = g.Key, Last = g.Max(m => m.StartsAt) })
            .ToListAsync(ct);
        return organisations
            .Select(o => new HostHistory(o.Id, o.Name, hosted.FirstOrDefault(h => h.Id == o.Id)?.Last))
            .OrderBy(h => h.LastHosted ?? DateTimeOffset.MinValue).ThenBy(h => h.Name, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true))
            .ToList();
    }

    /// <summary>The next joint status meeting: six months after the last one (or in four weeks if none), 17–20.</summary>
    public async Task<(DateOnly Date, int? HostOrganisationId)> ProposeStatusMeetingAsync(int initiativeId, CancellationToken ct = default)
    {
        var last = await db.Meetings.Where(m => m.InitiativeId == initiativeId && m.Type == MeetingType.StatusMeeting && m.CancelledAt == null)
            .OrderByDescending(m => m.StartsAt).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToDanish().DateTime);
        var date = last is { } l ? DateOnly.FromDateTime(l.ToDanish().DateTime).AddMonths(6) : today.AddDays(28);
        if (date <= today)
        {
            date = today.AddDays(28);
        }
        // Weekends and holidays are rarely possible for the actors' organisations.
        date = DanishHolidays.NextWorkingDay(date);
        var host = (await HostRotationAsync(initiativeId, ct)).FirstOrDefault();
        return (date, host?.OrganisationId);
    }

    /// <summary>Who an invitee group is, as person ids.</summary>
    public async Task<List<int>> InviteesAsync(int initiativeId, int? platformId, InviteeGroup group, IReadOnlyCollection<int> chosen, CancellationToken ct = default)
    {
        var ids = group switch
        {
            InviteeGroup.Platform when platformId is int pid => await db.PlatformMembers.Where(m => m.PlatformId == pid && m.LeftOn == null).Select(m => m.PersonId).ToListAsync(ct),
            InviteeGroup.AllCoordinators => await db.PlatformMembers
                .Where(m => m.Platform!.InitiativeId == initiativeId && m.LeftOn == null && m.IsCoordinator && (m.Platform.Status == PlatformStatus.Active || m.Platform.Status == PlatformStatus.Standby))
                .Select(m => m.PersonId).ToListAsync(ct),
            InviteeGroup.WholeInitiative => await db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && m.Role != InitiativeRole.Observer).Select(m => m.PersonId).ToListAsync(ct),
            _ => await db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && chosen.Contains(m.PersonId)).Select(m => m.PersonId).ToListAsync(ct),
        };
        // The anchor person takes part in the initiative's own meetings.
        if (group is InviteeGroup.AllCoordinators or InviteeGroup.WholeInitiative)
        {
            ids.AddRange(await db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId && m.Role == InitiativeRole.AnchorPerson).Select(m => m.PersonId).ToListAsync(ct));
        }
        return ids.Distinct().ToList();
    }

    public Meeting Create(int initiativeId, int? platformId, MeetingType type, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location, string? onlineUrl,
        int? hostOrganisationId, string? guestSpeaker, string? description, IEnumerable<string> agenda, IEnumerable<int> invitees, ClaimsPrincipal by)
    {
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            InitiativeId = initiativeId,
            PlatformId = platformId,
            Type = type,
            Title = title,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Location = location,
            OnlineUrl = onlineUrl,
            HostOrganisationId = hostOrganisationId,
            GuestSpeaker = guestSpeaker,
            Description = description,
            CalendarUid = $"{Guid.NewGuid():N}@samskab",
            CreatedAt = now,
            CreatedByUserId = by.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        var order = 0;
        foreach (var item in agenda.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            meeting.Agenda.Add(new AgendaItem { Order = ++order, Title = item.Length > 300 ? item[..300] : item });
        }
        foreach (var personId in invitees.Distinct())
        {
            meeting.Invitations.Add(new Invitation { PersonId = personId });
        }
        db.Meetings.Add(meeting);
        return meeting;
    }

    /// <summary>
    /// Mails every invitee who has not yet had the meeting's current version: the invitation, an update, or a
    /// cancellation. Returns how many mails were queued. The caller has saved the meeting.
    /// </summary>
    public async Task<int> SendPendingAsync(int meetingId, ClaimsPrincipal by, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.HostOrganisation).SingleAsync(m => m.Id == meetingId, ct);
        var invitations = await db.Invitations.Include(i => i.Person).Where(i => i.MeetingId == meetingId && i.SentSequence < meeting.Sequence).ToListAsync(ct);
        var organizer = by.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "Samskab";
        var queued = 0;
        foreach (var invitation in invitations)
        {
            var person = invitation.Person!;
            invitation.SentSequence = meeting.Sequence;
            if (string.IsNullOrWhiteSpace(person.Email))
            {
                // No address: the person is still invited and can answer on the meeting page.
                continue;
            }
            var key = $"meeting:{meeting.Id}:person:{person.Id}:seq:{meeting.Sequence}";
            if (await outbox.ExistsAsync(key, ct))
            {
                continue;
            }
            var kind = meeting.CancelledAt is not null ? "cancel" : meeting.Sequence == 0 ? "invite" : "update";
            Enqueue(meeting, person, invitation, organizer, kind, key);
            queued++;
        }
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        return queued;
    }

    /// <summary>Reminds those who have not answered, at most once a day each.</summary>
    public async Task<int> RemindAsync(int meetingId, ClaimsPrincipal by, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.HostOrganisation).SingleAsync(m => m.Id == meetingId, ct);
        var now = clock.GetUtcNow();
        var day = now.ToDanish().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var waiting = await db.Invitations.Include(i => i.Person)
            .Where(i => i.MeetingId == meetingId && i.Reply == Reply.None && i.Person!.Email != null).ToListAsync(ct);
        var organizer = by.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "Samskab";
        var queued = 0;
        foreach (var invitation in waiting)
        {
            var key = $"meeting:{meeting.Id}:person:{invitation.PersonId}:reminder:{day}";
            if (await outbox.ExistsAsync(key, ct))
            {
                continue;
            }
            invitation.RemindedAt = now;
            Enqueue(meeting, invitation.Person!, invitation, organizer, "reminder", key);
            queued++;
        }
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        return queued;
    }

    /// <summary>
    /// Before a joint status meeting every platform does a reality check (seed 001): each active platform's coordinators
    /// get a reminder with the date and a link. Returns how many mails were queued.
    /// </summary>
    public async Task<int> RemindRealityChecksAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        var coordinators = await db.PlatformMembers
            .Where(m => m.Platform!.InitiativeId == meeting.InitiativeId && m.Platform.Status == PlatformStatus.Active && m.LeftOn == null && m.IsCoordinator && m.Person!.Email != null)
            .Select(m => new { m.PlatformId, Platform = m.Platform!.Name, m.PersonId, m.Person!.Name, m.Person.Email }).ToListAsync(ct);
        var date = meeting.StartsAt.ToDanish().ToText("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"));
        var queued = 0;
        foreach (var c in coordinators)
        {
            var key = $"meeting:{meetingId}:realitycheck:{c.PlatformId}:person:{c.PersonId}";
            if (await outbox.ExistsAsync(key, ct))
            {
                continue;
            }
            var (text, html) = MailTemplates.ActionMail(l["Hej {0}", c.Name].Value,
                [l["Der er fælles statusmøde {0}. Inden da laver hver platform et realitetstjek – også {1}.", date, c.Platform].Value,
                 l["Start realitetstjekket, så alle medlemmer kan nå at svare."].Value],
                l["Start realitetstjekket"].Value, links.Absolute($"/platforme/{c.PlatformId}/realitetstjek"), l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(c.Email!, c.Name, l["Realitetstjek før statusmødet {0}", date].Value, text, html, "RealityCheckReminder", key));
            queued++;
        }
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        return queued;
    }

    private void Enqueue(Meeting meeting, Person person, Invitation invitation, string organizer, string kind, string key)
    {
        var replyUrl = links.Absolute($"/moeder/svar/{replyLinks.TokenFor(invitation.Id)}");
        var meetingUrl = links.Absolute($"/moeder/{meeting.Id}");
        var start = meeting.StartsAt.ToDanish();
        var end = meeting.EndsAt.ToDanish();
        var when = start.ToText("dddd 'den' d. MMMM yyyy 'kl.' HH:mm", CultureInfo.GetCultureInfo("da-DK")) + "–" + end.ToString("HH:mm", CultureInfo.GetCultureInfo("da-DK"));
        var where = string.Join(", ", new[] { meeting.Location, meeting.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var subject = kind switch
        {
            "cancel" => l["Aflyst: {0}", meeting.Title].Value,
            "update" => l["Ændret: {0}", meeting.Title].Value,
            "reminder" => l["Påmindelse: {0}", meeting.Title].Value,
            _ => l["Invitation: {0}", meeting.Title].Value,
        };
        var paragraphs = new List<string>
        {
            kind switch
            {
                "cancel" => l["Mødet er aflyst."].Value + (meeting.CancelReason is null ? "" : " " + meeting.CancelReason),
                "update" => l["Tid eller sted for mødet er ændret. Din kalender opdateres, når du åbner den vedhæftede fil."].Value,
                "reminder" => l["Vi mangler dit svar. Kommer du?"].Value,
                _ => l["Du er inviteret til et møde."].Value,
            },
            l["Hvornår: {0}", when].Value,
        };
        if (where.Length > 0)
        {
            paragraphs.Add(l["Hvor: {0}", where].Value);
        }
        if (meeting.HostOrganisation is not null)
        {
            paragraphs.Add(l["Vært: {0}", meeting.HostOrganisation.Name].Value);
        }
        if (meeting.Agenda.Count > 0)
        {
            paragraphs.Add(l["Dagsorden: {0}", string.Join("; ", meeting.Agenda.OrderBy(a => a.Order).Select((a, i) => $"{i + 1}. {a.Title}"))].Value);
        }
        paragraphs.Add(l["Se mødet: {0}", meetingUrl].Value);
        var (text, html) = MailTemplates.ActionMail(l["Hej {0}", person.Name].Value, paragraphs,
            kind == "cancel" ? l["Se mødet"].Value : l["Svar ja, nej eller måske"].Value, kind == "cancel" ? meetingUrl : replyUrl,
            l["Samskab – samskabelse i den offentlige sektor"].Value);
        var ics = MeetingCalendar.Invitation(meeting, organizer, mail.Value.FromAddress, new MeetingCalendar.Attendee(person.Name, person.Email!, invitation.Reply), meetingUrl);
        outbox.Enqueue(new OutgoingMail(person.Email!, person.Name, subject, text, html, "Meeting", key,
        [
            new OutboxAttachment
            {
                FileName = kind == "cancel" ? "aflysning.ics" : "invitation.ics",
                ContentType = $"text/calendar; method={(kind == "cancel" ? "CANCEL" : "REQUEST")}; charset=utf-8",
                Content = System.Text.Encoding.UTF8.GetBytes(ics),
            },
        ]));
    }
}
