using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;

namespace Samskab.Web.Features.Platforms;

public enum PlatformStatus
{
    Active = 1,
    Standby = 2,
    Closed = 3,
    Merged = 4,
}

public class DevelopmentPlatform
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public required string Name { get; set; }
    public string? FocusArea { get; set; }
    public PlatformStatus Status { get; set; } = PlatformStatus.Active;
    public string? StatusReason { get; set; }

    /// <summary>When a platform on standby is expected to resume.</summary>
    public DateOnly? ExpectedResumeOn { get; set; }
    public int? MergedIntoId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public List<PlatformMember> Members { get; set; } = [];
}

/// <summary>
/// Membership of a platform. The coordinator flag carries facilitation chores only (seed 001, "Rolle- og
/// ansvarsfordeling": flat hierarchy); it gives no extra say in decisions.
/// </summary>
public class PlatformMember
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public DevelopmentPlatform? Platform { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public bool IsCoordinator { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
}
