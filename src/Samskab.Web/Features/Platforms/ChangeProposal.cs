using Samskab.Web.Features.Actors;

namespace Samskab.Web.Features.Platforms;

public enum ProposalKind
{
    Focus = 1,
    Standby = 2,
    Close = 3,
    Merge = 4,
    Resume = 5,
}

public enum ProposalStatus
{
    Open = 1,
    Adopted = 2,
    Withdrawn = 3,
    Superseded = 4,
}

/// <summary>
/// A change to a platform proposed by one of its members and decided by consent: adopted when every current member
/// has agreed and nobody objects (seed 001: flat hierarchy; the coordinator has no vote or veto others lack).
/// </summary>
public class ChangeProposal
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public DevelopmentPlatform? Platform { get; set; }
    public ProposalKind Kind { get; set; }
    public required string Reason { get; set; }
    public string? NewFocus { get; set; }
    public int? MergeIntoId { get; set; }
    public DateOnly? ExpectedResumeOn { get; set; }
    public int ProposedById { get; set; }
    public Person? ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public ProposalStatus Status { get; set; } = ProposalStatus.Open;
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Who took part in the decision, as recorded when it was taken.</summary>
    public string? DecisionRecord { get; set; }

    /// <summary>Where the proposal came from when not a member's own idea (e.g. a reality check).</summary>
    public string? Source { get; set; }
    public List<ProposalResponse> Responses { get; set; } = [];
}

public class ProposalResponse
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public bool Agrees { get; set; }

    /// <summary>Required for an objection: the method asks for the reason.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
