using Samskab.Web.Features.Participation;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// A lokalområde (seed 003): a village or a part of town with its local forum and the municipality's bridge builders,
/// who connect the two both ways.
/// </summary>
public class LocalArea
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The local forum (lokalforum, lokalråd) and how to reach it: public, as on a notice board.</summary>
    public string? ForumName { get; set; }
    public string? ForumContact { get; set; }

    /// <summary>Where campaigns for the area are announced besides the followers (the forum's shared address).</summary>
    public string? ForumEmail { get; set; }

    /// <summary>The villages and neighbourhoods, one per line, so people find their area by a name they know.</summary>
    public string Places { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<AreaBridgeBuilder> BridgeBuilders { get; set; } = [];
}

/// <summary>A member of staff appointed bridge builder (brobygger) for an area.</summary>
public class AreaBridgeBuilder
{
    public int AreaId { get; set; }
    public required string UserId { get; set; }

    /// <summary>What the area sees: the bridge builder's own words ("Jeg arbejder i Kultur og Fritid …").</summary>
    public string? Presentation { get; set; }

    /// <summary>The bridge builder's photo, through the shared image pipeline.</summary>
    public string? ImageKey { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum RequestCategory
{
    RoadsAndPaths = 1,
    CultureAndLeisure = 2,
    Nature = 3,
    TrafficSafety = 4,
    Events = 5,
    Premises = 6,
    ChildrenAndYoung = 7,
    Other = 99,
}

/// <summary>
/// Where a request stands. Done and closed without being done are both closed, and are counted apart: "closed" is
/// never taken to mean that something was done (FixMyStreet #1340).
/// </summary>
public enum RequestState
{
    Received = 1,
    InDialogue = 2,
    PassedOn = 3,
    Planned = 4,
    Done = 5,
    ClosedNotDone = 6,
}

/// <summary>A henvendelse: a local community wants something with the municipality.</summary>
public class AreaRequest
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }

    /// <summary>The group the request is sent on behalf of, when the requester says so (the local forum, an association).</summary>
    public string? OnBehalfOf { get; set; }
    public RequestCategory Category { get; set; }
    public string? ImageKey { get; set; }
    public RequestState State { get; set; } = RequestState.Received;

    /// <summary>The department it was passed on to, and who there: public, as the Open311 agency_responsible.</summary>
    public string? Department { get; set; }
    public string? DepartmentContact { get; set; }
    public DateOnly? ExpectedOn { get; set; }

    /// <summary>The latest public answer, kept on the row for lists and Open311's status_notes.</summary>
    public string? LatestAnswer { get; set; }

    /// <summary>The municipality's promise: a first answer by this day (working days from the request).</summary>
    public DateOnly AnswerDueOn { get; set; }
    public DateTimeOffset? FirstAnsweredAt { get; set; }

    /// <summary>The bridge builder who owns the request now; handing it over moves it.</summary>
    public string? OwnerUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when the request is done or closed without being done, and only then: null means open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public int ReopenCount { get; set; }

    /// <summary>Messages in the thread, kept on the row for lists.</summary>
    public int MessageCount { get; set; }

    public bool IsClosed => State is RequestState.Done or RequestState.ClosedNotDone;
}

public enum RequestEntryKind
{
    /// <summary>The request was sent.</summary>
    Sent = 1,

    /// <summary>A new state with its public answer.</summary>
    StateChange = 2,

    /// <summary>A message in the thread, from the community or from the bridge builder.</summary>
    Message = 3,

    /// <summary>The community reopened a closed request, with its reason.</summary>
    Reopened = 4,

    /// <summary>One bridge builder handed the request over to another, with a note (staff only).</summary>
    HandedOver = 5,
}

/// <summary>One entry of a request's history and thread; nothing is changed or deleted afterwards.</summary>
public class RequestEntry
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public RequestEntryKind Kind { get; set; }
    public RequestState? State { get; set; }
    public string? Text { get; set; }

    /// <summary>From the municipality (a bridge builder or an administrator), or from the community.</summary>
    public bool FromStaff { get; set; }
    public string? ByUserId { get; set; }
    public int? ByParticipantId { get; set; }

    /// <summary>The name shown, as it was when written.</summary>
    public string ByName { get; set; } = "";

    /// <summary>Only the area's staff see it (a hand-over note).</summary>
    public bool StaffOnly { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A participant who follows an area and gets its digest; one click in a mail ends it.</summary>
public class AreaFollower
{
    public int AreaId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The digest has told the follower about everything up to here.</summary>
    public DateTimeOffset DigestedUntil { get; set; }
}
