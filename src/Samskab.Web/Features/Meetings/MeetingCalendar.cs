using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Meetings;

/// <summary>
/// iCalendar for meetings: invitations (METHOD:REQUEST), cancellations (METHOD:CANCEL) and subscription feeds
/// (METHOD:PUBLISH). Times are written in Europe/Copenhagen with a VTIMEZONE, so summer time is right in every
/// calendar; the UID is the meeting's for its whole life and SEQUENCE rises with each change.
/// </summary>
public static class MeetingCalendar
{
    public const string TimeZoneId = "Europe/Copenhagen";

    public sealed record Attendee(string Name, string Email, Reply Reply);

    public static string Invitation(Meeting meeting, string organizerName, string organizerEmail, Attendee attendee, string url)
    {
        var calendar = NewCalendar(meeting.CancelledAt is null ? "REQUEST" : "CANCEL");
        var e = Event(meeting, url);
        e.Organizer = new Organizer("mailto:" + organizerEmail) { CommonName = organizerName };
        e.Attendees.Add(new Ical.Net.DataTypes.Attendee("mailto:" + attendee.Email)
        {
            CommonName = attendee.Name,
            Rsvp = true,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = attendee.Reply switch
            {
                Reply.Yes => "ACCEPTED",
                Reply.No => "DECLINED",
                Reply.Maybe => "TENTATIVE",
                _ => "NEEDS-ACTION",
            },
        });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static string Feed(string name, IEnumerable<(Meeting Meeting, string Url)> meetings)
    {
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        foreach (var (meeting, url) in meetings)
        {
            calendar.Events.Add(Event(meeting, url));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//Samskab//Samskab//DA" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, new DateTime(2024, 1, 1), includeHistoricalData: false));
        return calendar;
    }

    private static CalendarEvent Event(Meeting meeting, string url)
    {
        var start = meeting.StartsAt.ToDanish();
        var end = meeting.EndsAt.ToDanish();
        var location = string.Join(", ", new[] { meeting.Location, meeting.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var agenda = string.Join("\n", meeting.Agenda.OrderBy(a => a.Order).Select((a, i) => $"{i + 1}. {a.Title}"));
        return new CalendarEvent
        {
            Uid = meeting.CalendarUid,
            Sequence = meeting.Sequence,
            Summary = meeting.Title,
            DtStart = new CalDateTime(DateTime.SpecifyKind(start.DateTime, DateTimeKind.Unspecified), TimeZoneId),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(end.DateTime, DateTimeKind.Unspecified), TimeZoneId),
            DtStamp = new CalDateTime(DateTime.UtcNow, "UTC"),
            Location = string.IsNullOrEmpty(location) ? null : location,
            Description = (string.IsNullOrEmpty(agenda) ? "" : "Dagsorden:\n" + agenda + "\n\n") + url,
            Url = new Uri(url),
            Status = meeting.CancelledAt is null ? "CONFIRMED" : "CANCELLED",
        };
    }
}
