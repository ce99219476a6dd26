namespace Samskab.Web.Features.Ripples;

public enum RippleCategory
{
    NewRelations = 1,
    NewIdeas = 2,
    NewKnowledge = 3,
    NewResources = 4,
    Other = 5,
}

public enum RippleBeneficiary
{
    Ourselves = 1,
    OtherActors = 2,
    OutsideContexts = 3,
}

/// <summary>
/// A ripple in the water (ringe i vandet, seed 001): a bonus effect nobody set a goal for. Anyone in the initiative
/// registers them, continuously, from start to end; they are appended, not edited away.
/// </summary>
public class Ripple
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public required string What { get; set; }
    public DateOnly HappenedOn { get; set; }
    public RippleCategory Category { get; set; }
    public RippleBeneficiary Beneficiary { get; set; }
    public required string ByName { get; set; }
    public string? ByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<RipplePlatform> Platforms { get; set; } = [];
    public List<RippleActor> Actors { get; set; } = [];
}

public class RipplePlatform
{
    public int RippleId { get; set; }
    public int PlatformId { get; set; }
}

public class RippleActor
{
    public int RippleId { get; set; }
    public int PersonId { get; set; }
}

public static class RippleText
{
    public static string Category(RippleCategory c) => c switch
    {
        RippleCategory.NewRelations => "Nye relationer",
        RippleCategory.NewIdeas => "Nye idéer",
        RippleCategory.NewKnowledge => "Ny viden",
        RippleCategory.NewResources => "Nye ressourcer",
        _ => "Andet",
    };

    public static string Beneficiary(RippleBeneficiary b) => b switch
    {
        RippleBeneficiary.Ourselves => "Os selv",
        RippleBeneficiary.OtherActors => "Andre aktører",
        _ => "Sammenhænge uden for initiativet",
    };
}
