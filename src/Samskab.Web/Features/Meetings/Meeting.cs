using Samskab.Web.Features.Actors;

namespace Samskab.Web.Features.Meetings;

public enum MeetingType
{
    FirstPlatformMeeting = 1,
    PlatformMeeting = 2,
    GoalSettingMeeting = 3,
    CoordinatorMeeting = 4,
    StatusMeeting = 5,
    PreMeeting = 6,
    EstablishmentWorkshop = 7,
    CitizenCamp = 8,
}

public enum Reply
{
    None = 0,
    Yes = 1,
    No = 2,
    Maybe = 3,
}

/// <summary>
/// A meeting of the method's rhythm (seed 001). Times are stored in UTC and shown in Europe/Copenhagen. The calendar
/// UID is fixed for the meeting's life; every change that invitees must see raises <see cref="Sequence"/>, so calendars
/// update the same entry.
/// </summary>
public class Meeting
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public int? PlatformId { get; set; }
    public MeetingType Type { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Location { get; set; }
    public string? OnlineUrl { get; set; }
    public int? HostOrganisationId { get; set; }
    public Organisation? HostOrganisation { get; set; }
    public string? GuestSpeaker { get; set; }
    public string? Description { get; set; }
    public required string CalendarUid { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? MinutesSentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<Invitation> Invitations { get; set; } = [];
}

public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? ResponsiblePersonId { get; set; }
    public Person? ResponsiblePerson { get; set; }
    public string? Minutes { get; set; }
}

/// <summary>One invitee of a meeting, with a private reply link and their answer.</summary>
public class Invitation
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public Reply Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>The calendar SEQUENCE last mailed to this person; a change mails again only those behind.</summary>
    public int SentSequence { get; set; } = -1;
    public DateTimeOffset? RemindedAt { get; set; }
    public bool? Attended { get; set; }
}

/// <summary>An agreement (aftale): a task with an owner and a deadline, shown to the owner until done.</summary>
public class Agreement
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public int? PlatformId { get; set; }
    public int? MeetingId { get; set; }
    public required string Text { get; set; }
    public int OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

public class Decision
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
