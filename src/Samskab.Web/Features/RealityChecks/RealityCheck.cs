namespace Samskab.Web.Features.RealityChecks;

public enum ProposedChange
{
    Continue = 1,
    Standby = 2,
    Close = 3,
    ReplaceOrAddActors = 4,
    Merge = 5,
    NewPlatform = 6,
}

/// <summary>
/// A reality check (realitetstjek, phase 7 of seed 001): a short structured review a platform's members do together,
/// at least before every joint status meeting, so stagnation is seen and acted on quickly.
/// </summary>
public class RealityCheck
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public required string StartedByName { get; set; }
    public DateOnly? DueBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Summary { get; set; }
    public ProposedChange? Outcome { get; set; }

    /// <summary>The change proposal the outcome became, when it was one the platform decides by consent.</summary>
    public int? ProposalId { get; set; }
    public List<RealityCheckAnswer> Answers { get; set; } = [];
}

/// <summary>One member's answer. Answering again edits it: one answer per person per check.</summary>
public class RealityCheckAnswer
{
    public int Id { get; set; }
    public int RealityCheckId { get; set; }
    public int PersonId { get; set; }
    public string? GoalProgress { get; set; }
    public string? Participation { get; set; }
    public string? Obstacles { get; set; }
    public bool NeedsSparring { get; set; }
    public ProposedChange ProposedChange { get; set; } = ProposedChange.Continue;
    public DateTimeOffset AnsweredAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public static class RealityCheckText
{
    public static string Change(ProposedChange c) => c switch
    {
        ProposedChange.Continue => "Fortsæt som nu",
        ProposedChange.Standby => "Sæt platformen på standby",
        ProposedChange.Close => "Luk platformen",
        ProposedChange.ReplaceOrAddActors => "Udskift eller tilføj aktører",
        ProposedChange.Merge => "Læg sammen med en anden platform",
        _ => "Etablér en ny platform",
    };
}
