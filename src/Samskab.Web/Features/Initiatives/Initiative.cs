using Samskab.Web.Features.Actors;

namespace Samskab.Web.Features.Initiatives;

public class Initiative
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string SharedChallenge { get; set; }
    public string? Description { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The method's phase, 1–7 (seed 001).</summary>
    public int Phase { get; set; } = 1;

    /// <summary>One rule per line; starts with the method's five ground rules (spilleregler).</summary>
    public string GroundRules { get; set; } = string.Join('\n', DefaultGroundRules);

    // The preparation canvas (forberedelseslærred).
    public string? TargetGroup { get; set; }
    public string? Vision { get; set; }
    public string? Purpose { get; set; }
    public string? ImportantResults { get; set; }
    public string? Participants { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The stagnation radar flags a platform quiet for this many weeks (no meeting, measurement or ripple).</summary>
    public int StagnationWeeks { get; set; } = 8;

    /// <summary>How often, at the latest, each platform does a reality check (besides before every status meeting).</summary>
    public int RealityCheckIntervalWeeks { get; set; } = 12;

    /// <summary>Optimistic concurrency: two people editing at once must not overwrite each other.</summary>
    public int Version { get; set; }
    public List<InitiativeMember> Members { get; set; } = [];

    public static readonly string[] DefaultGroundRules =
    [
        "Vi samskaber ud fra den fælles udfordring.",
        "Vi spørger og lytter uden fordomme.",
        "Vi deler viden i fortrolighed.",
        "Vi respekterer hinandens forskellige perspektiver på udfordringen.",
        "Vi fokuserer på fremtiden og vælger at se muligheder.",
    ];
}

public enum InitiativeRole
{
    AnchorPerson = 1,
    Actor = 3,
    Observer = 4,
}

public enum Influence
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public enum Stance
{
    Against = 1,
    Neutral = 2,
    For = 3,
}

public enum Necessity
{
    NiceToHave = 1,
    Important = 2,
    Essential = 3,
}

public enum Involvement
{
    Interview = 1,
    Observation = 2,
    Workshop = 3,
    AdvisoryGroup = 4,
    PlatformMember = 5,
}

/// <summary>
/// A person in an initiative: their role, whether they sit in the working group, the stakeholder mapping of the actor
/// overview (aktøroverblik), and the onboarding of a new actor.
/// </summary>
public class InitiativeMember
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public InitiativeRole Role { get; set; } = InitiativeRole.Actor;
    public bool InWorkingGroup { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Consent to share contact details with this initiative's actors; the history is in <see cref="ContactConsent"/>.</summary>
    public bool SharesContactDetails { get; set; }
    public DateTimeOffset? ContactConsentChangedAt { get; set; }

    public string? Interest { get; set; }
    public Influence? Influence { get; set; }
    public Stance? Stance { get; set; }
    public Necessity? Necessity { get; set; }
    public Involvement? PlannedInvolvement { get; set; }

    // Onboarding of a new actor (seed 001: pre-meeting with the anchor person, then introduction).
    public DateOnly? PreMeetingOn { get; set; }
    public DateOnly? MethodIntroducedOn { get; set; }
    public DateOnly? ChallengeIntroducedOn { get; set; }
    public DateOnly? JointPlatformIntroducedOn { get; set; }
}
