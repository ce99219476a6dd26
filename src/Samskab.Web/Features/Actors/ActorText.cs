using Samskab.Web.Features.Initiatives;

namespace Samskab.Web.Features.Actors;

/// <summary>Danish names (resource keys) for the actor overview's values.</summary>
public static class ActorText
{
    public static string Type(OrganisationType t) => t switch
    {
        OrganisationType.Police => "Politi",
        OrganisationType.Municipality => "Kommune",
        OrganisationType.OtherPublicBody => "Anden offentlig myndighed",
        OrganisationType.Education => "Skole/uddannelse",
        OrganisationType.CivilSociety => "Forening/civilsamfund",
        OrganisationType.Business => "Virksomhed",
        _ => "Borger/uorganiseret",
    };

    public static string Role(InitiativeRole r) => r switch
    {
        InitiativeRole.AnchorPerson => "Ankerperson",
        InitiativeRole.Observer => "Observatør",
        _ => "Aktør",
    };

    public static string Influence(Influence? i) => i switch
    {
        Initiatives.Influence.Low => "Lav",
        Initiatives.Influence.Medium => "Middel",
        Initiatives.Influence.High => "Høj",
        _ => "Ikke vurderet",
    };

    public static string Stance(Stance? s) => s switch
    {
        Initiatives.Stance.For => "For",
        Initiatives.Stance.Neutral => "Neutral",
        Initiatives.Stance.Against => "Imod",
        _ => "Ikke vurderet",
    };

    public static string Necessity(Necessity? n) => n switch
    {
        Initiatives.Necessity.Essential => "Afgørende",
        Initiatives.Necessity.Important => "Vigtig",
        Initiatives.Necessity.NiceToHave => "Rar at have",
        _ => "Ikke vurderet",
    };

    public static string Involvement(Involvement? i) => i switch
    {
        Initiatives.Involvement.Interview => "Interview",
        Initiatives.Involvement.Observation => "Observation",
        Initiatives.Involvement.Workshop => "Workshop",
        Initiatives.Involvement.AdvisoryGroup => "Følgegruppe",
        Initiatives.Involvement.PlatformMember => "Platformsmedlem",
        _ => "Ikke planlagt",
    };
}
