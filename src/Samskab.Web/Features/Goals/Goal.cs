namespace Samskab.Web.Features.Goals;

public enum GoalKind
{
    Quantitative = 1,
    Qualitative = 2,
    Hypothesis = 3,
}

public enum GoalHorizon
{
    ShortTerm = 1,
    LongTerm = 2,
}

public enum GoalStatus
{
    OnTrack = 1,
    Behind = 2,
    Achieved = 3,
    Dropped = 4,
}

public enum ObservationMethod
{
    Observation = 1,
    Interview = 2,
    FocusGroup = 3,
}

/// <summary>COI's five value types (kvalitet, effektivitet, borgerinddragelse, medarbejdertrivsel, politiske mål).</summary>
[Flags]
public enum ValueTypes
{
    None = 0,
    Quality = 1,
    Efficiency = 2,
    CitizenInvolvement = 4,
    EmployeeSatisfaction = 8,
    PoliticalGoals = 16,
}

/// <summary>
/// A platform's goal (målsætning, seed 001): quantitative, qualitative or a hypothesis, short or long term. It counts
/// as set only when it has a baseline: the situation before the work, to compare against later.
/// </summary>
public class Goal
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? ServesChallenge { get; set; }
    public GoalHorizon Horizon { get; set; }
    public GoalKind Kind { get; set; }
    public ValueTypes ValueTypes { get; set; }

    // Quantitative
    public string? Indicator { get; set; }
    public string? Unit { get; set; }
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }

    // Qualitative (and the baseline text of a hypothesis)
    public ObservationMethod? Method { get; set; }
    public string? BaselineDescription { get; set; }

    // Hypothesis: the method insists on naming the weaknesses of this kind of goal.
    public string? ExpectedInfluence { get; set; }
    public string? Argument { get; set; }
    public string? Weaknesses { get; set; }

    public GoalStatus Status { get; set; } = GoalStatus.OnTrack;
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public List<GoalMeasurement> Measurements { get; set; } = [];
    public List<GoalObservation> Observations { get; set; } = [];

    public bool HasBaseline => Kind == GoalKind.Quantitative
        ? BaselineValue is not null && BaselineDate is not null
        : !string.IsNullOrWhiteSpace(BaselineDescription);

    /// <summary>The date measurements and observations cannot precede.</summary>
    public DateOnly? BaselineFrom => Kind == GoalKind.Quantitative ? BaselineDate : null;
}

public class GoalMeasurement
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class GoalObservation
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public DateOnly ObservedOn { get; set; }
    public required string Text { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class GoalText
{
    public static string Kind(GoalKind k) => k switch
    {
        GoalKind.Quantitative => "Kvantitativt mål",
        GoalKind.Qualitative => "Kvalitativt mål",
        _ => "Hypotese",
    };

    /// <summary>What each kind is for (seed 001, "Målsætning"), shown when the kind is chosen.</summary>
    public static string KindHint(GoalKind k) => k switch
    {
        GoalKind.Quantitative => "Tal og statistik: I måler et tal før og under arbejdet.",
        GoalKind.Qualitative => "Iagttagelser, interviews og fokusgrupper: I beskriver, hvordan det ser ud.",
        _ => "Til nye slags mål: I beskriver, hvordan målet forventes at påvirke situationen, argumenterer for det og nævner svaghederne.",
    };

    public static string Horizon(GoalHorizon h) => h == GoalHorizon.ShortTerm ? "Kortsigtet" : "Langsigtet";

    public static string Status(GoalStatus s) => s switch
    {
        GoalStatus.OnTrack => "På rette spor",
        GoalStatus.Behind => "Bagud",
        GoalStatus.Achieved => "Nået",
        _ => "Opgivet",
    };

    public static string Method(ObservationMethod m) => m switch
    {
        ObservationMethod.Observation => "Observation",
        ObservationMethod.Interview => "Interview",
        _ => "Fokusgruppe",
    };

    public static string Value(ValueTypes v) => v switch
    {
        ValueTypes.Quality => "Kvalitet",
        ValueTypes.Efficiency => "Effektivitet",
        ValueTypes.CitizenInvolvement => "Borgerinddragelse",
        ValueTypes.EmployeeSatisfaction => "Medarbejdertrivsel",
        ValueTypes.PoliticalGoals => "Politiske mål",
        _ => "",
    };

    public static readonly ValueTypes[] AllValueTypes = [ValueTypes.Quality, ValueTypes.Efficiency, ValueTypes.CitizenInvolvement, ValueTypes.EmployeeSatisfaction, ValueTypes.PoliticalGoals];
}
