namespace Samskab.Web.Features.Actors;

public enum OrganisationType
{
    Police = 1,
    Municipality = 2,
    OtherPublicBody = 3,
    Education = 4,
    CivilSociety = 5,
    Business = 6,
    Citizen = 7,
}

public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
