namespace Samskab.Web.Features.CoreTask;

/// <summary>The phases of defining the core task with the actors (seed 000), with the gathering and validating of
/// insights as its own step between exploring and defining.</summary>
public enum CoreTaskPhase
{
    OpeningQuestion = 1,
    Exploration = 2,
    Insights = 3,
    Definition = 4,
    CitizenCamp = 5,
}

/// <summary>Who a participant is in the process: the citizen (user), staff, a leader, a politician, or a "joker" invited
/// to challenge prejudices.</summary>
public enum CoreTaskRole
{
    Citizen = 1,
    Staff = 2,
    Leader = 3,
    Politician = 4,
    Joker = 5,
}

/// <summary>The three perspectives on a core task: formal (law, political decisions), performed, and experienced.</summary>
public enum CoreTaskPerspective
{
    Formal = 1,
    Performed = 2,
    Experienced = 3,
}

/// <summary>A core-task process (kerneopgaveforløb): a unit defines its core task with citizens and other actors.</summary>
public sealed class CoreTaskProcess
{
    public int Id { get; set; }

    /// <summary>The unit whose core task it is: a kindergarten, the job centre, a rehabilitation centre.</summary>
    public string UnitName { get; set; } = "";
    public string? Description { get; set; }
    public int? InitiativeId { get; set; }
    public CoreTaskPhase Phase { get; set; } = CoreTaskPhase.OpeningQuestion;

    /// <summary>Seed 000's "start from a blank canvas": "now we have no municipality (school …)", then build it again.</summary>
    public bool BlankCanvas { get; set; }
    public int? ChosenQuestionId { get; set; }
    public int? ChosenFormulationId { get; set; }

    /// <summary>The citizen camp: the public page of the chosen core task, published at this moment, with the idea
    /// board (a campaign of the participation feature) where citizens propose new ways to solve it.</summary>
    public DateTimeOffset? CampPublishedAt { get; set; }
    public int? CampCampaignId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";

    /// <summary>Changes with every save: two owners moving the phase at once do not overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CoreTaskParticipant> Participants { get; set; } = [];
}

/// <summary>A person in the process, with their role. With an account they sign in to take part; without one (a
/// citizen in the room) they are a name on the list.</summary>
public sealed class CoreTaskParticipant
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public string? UserId { get; set; }
    public string Name { get; set; } = "";
    public CoreTaskRole Role { get; set; }

    /// <summary>Owners run the process: phases, participants, choices.</summary>
    public bool IsOwner { get; set; }

    /// <summary>A citizen who took part through a link or room code, without an account.</summary>
    public int? InviteId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A proposal for the good opening question, discussed and one of them chosen.</summary>
public sealed class OpeningQuestion
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public string Text { get; set; } = "";
    public int ProposedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public CoreTaskParticipant? ProposedBy { get; set; }
}

/// <summary>A remark in the discussion of an opening question.</summary>
public sealed class OpeningQuestionComment
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int AuthorId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public CoreTaskParticipant? Author { get; set; }
}

/// <summary>A formulation of the core task, written from the insights, with every version kept.</summary>
public sealed class CoreTaskFormulation
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public CoreTaskPerspective Perspective { get; set; } = CoreTaskPerspective.Experienced;
    public int CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The number of the newest version, kept on the row so the list reads one row per formulation.</summary>
    public int LatestNumber { get; set; }
    public List<FormulationVersion> Versions { get; set; } = [];
}

/// <summary>One version of a formulation: its text and the answers to the eleven guiding questions of seed 004.
/// Appended, never overwritten.</summary>
public sealed class FormulationVersion
{
    public int Id { get; set; }
    public int FormulationId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The answers to the guiding questions, in their order (empty where not answered).</summary>
    public List<string> Answers { get; set; } = [];
    public int AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public CoreTaskParticipant? Author { get; set; }
}

/// <summary>What a piece of exploration material is (phase 2).</summary>
public enum MaterialKind
{
    Interview = 1,
    Observation = 2,
    Obituary = 3,

    /// <summary>A photo from the photo safari or the future bus, with its caption "what matters to me here".</summary>
    Photo = 4,
}

/// <summary>A piece of what the unit found where it meets citizens: an interview with its 5 × why chain, an
/// observation, or an obituary ("if we closed tomorrow, what would be missed?").</summary>
public sealed class CoreTaskMaterial
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public MaterialKind Kind { get; set; }
    public int AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The interview's answer, what was seen, or what would be missed.</summary>
    public string Text { get; set; } = "";

    /// <summary>The interview's question.</summary>
    public string? Question { get; set; }

    /// <summary>Who was interviewed (a description, not a name: "mor til en dreng på 4"), or where it was observed.</summary>
    public string? Subject { get; set; }

    public DateOnly? ObservedOn { get; set; }

    /// <summary>What surprised the observer.</summary>
    public string? Surprise { get; set; }

    /// <summary>The answers to "why?", in order, at most five (lean's 5 × why).</summary>
    public List<string> WhySteps { get; set; } = [];

    /// <summary>The underlying need the why chain ends in.</summary>
    public string? UnderlyingNeed { get; set; }

    /// <summary>The insight (the group on the affinity board) this piece rests under; none while it is unsorted.</summary>
    public int? InsightId { get; set; }

    /// <summary>A photo's key in the shared image pipeline (stored without metadata or GPS); the caption is the text.</summary>
    public string? PhotoKey { get; set; }

    /// <summary>The future bus: the stop a photo was taken on the way to.</summary>
    public int? BusStopId { get; set; }

    /// <summary>Sent by a citizen through a link or room code: waits for an owner's review, and until then nobody
    /// else sees it (a query filter keeps it off every page but the review).</summary>
    public bool PendingReview { get; set; }

    /// <summary>Refused in the review: kept as history, never shown.</summary>
    public DateTimeOffset? RejectedAt { get; set; }

    public CoreTaskParticipant? Author { get; set; }
}

/// <summary>An insight (phase 3): a named group on the affinity board, resting on the material placed in it, and
/// validated by every participant.</summary>
public sealed class CoreTaskInsight
{
    public int Id { get; set; }
    public int ProcessId { get; set; }

    /// <summary>The insight in one sentence, e.g. "Forældre vil gerne høre til, ikke kun aflevere".</summary>
    public string Title { get; set; } = "";
    public int CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Taken off the board (deleted, or merged into another): kept with its validations as the process's
    /// history, shown nowhere.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    public int? MergedIntoId { get; set; }
}

/// <summary>How a participant sees an insight drawn from the material.</summary>
public enum InsightVerdict
{
    Agree = 1,
    Partly = 2,
    Disagree = 3,
}

/// <summary>A participant's validation of an insight: agree, partly or disagree, with a comment. One per participant
/// and insight; a new answer replaces the old.</summary>
public sealed class InsightValidation
{
    public int Id { get; set; }
    public int InsightId { get; set; }
    public int ParticipantId { get; set; }
    public InsightVerdict Verdict { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
    public CoreTaskParticipant? Participant { get; set; }
}

/// <summary>Where a leader's commitment stands.</summary>
public enum CommitmentStatus
{
    Promised = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>"One of us for a day": an actor spent a day in a part of the organisation, and the unit's leader commits to
/// realise one of their ideas by a deadline. The actor sees it; the process warns when it is overdue.</summary>
public sealed class CoreTaskCommitment
{
    public int Id { get; set; }
    public int ProcessId { get; set; }

    /// <summary>The participant who spent the day, whose idea it is.</summary>
    public int ActorId { get; set; }

    /// <summary>Where the day was spent: "på stuen Mariehønen", "i jobcentrets modtagelse".</summary>
    public string Place { get; set; } = "";
    public string Idea { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Promised;
    public string? StatusNote { get; set; }
    public int CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public CoreTaskParticipant? Actor { get; set; }

    /// <summary>Past its deadline (in Danish time) and neither done nor dropped.</summary>
    public static bool Overdue(DateOnly deadline, CommitmentStatus status, DateOnly today) =>
        deadline < today && status is CommitmentStatus.Promised or CommitmentStatus.InProgress;
}


/// <summary>A ride of the future bus (fremtidsbussen): the bus stops along the way, photos are taken between the stops,
/// and the dialogue at each stop is noted beside its photos.</summary>
public sealed class CoreTaskBusRide
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly RideOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<CoreTaskBusStop> Stops { get; set; } = [];
}

/// <summary>A stop of a bus ride: the place, the time, and what was said there.</summary>
public sealed class CoreTaskBusStop
{
    public int Id { get; set; }
    public int RideId { get; set; }
    public string Place { get; set; } = "";
    public TimeOnly? At { get; set; }
    public string? Dialogue { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A link (with its QR code and room code) through which citizens without an account send photos, obituaries
/// or interviews to the process from their phones. What they send waits for the owners' review.</summary>
public sealed class CoreTaskInvite
{
    public int Id { get; set; }
    public int ProcessId { get; set; }

    /// <summary>Eight characters from an alphabet without look-alikes: typed in the room, or read from the QR code.</summary>
    public string Code { get; set; } = "";
    public MaterialKind Kind { get; set; }

    /// <summary>What the citizen is asked, shown above the form.</summary>
    public string? Prompt { get; set; }
    public int CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
