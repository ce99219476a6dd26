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
    public DateTimeOffset CreatedAt { get; set; }
    public List<InitiativeMember> Members { get; set; } = [];
}

public enum InitiativeRole
{
    AnchorPerson = 1,
    WorkingGroup = 2,
    Actor = 3,
    Observer = 4,
}

/// <summary>A person's role in an initiative. A person may hold several roles (e.g. anchor person and working group).</summary>
public class InitiativeMember
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public InitiativeRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
