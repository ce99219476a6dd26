namespace Samskab.Web.Features.Actors;

/// <summary>
/// A person taking part in co-creation (an actor). Most actors never sign in, so the account is optional;
/// a signed-in user acts through the persons linked to their account.
/// </summary>
public class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the person deleted their account: name and contact details are gone, the work stays.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Set by the person from the link in every newsletter ("manage e-mail preferences").</summary>
    public bool DeclinesNewsletters { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An explicit, dated consent to share contact details with the other actors of one initiative, given or withdrawn
/// (appended, never changed). Consent is per initiative: agreeing to be on one initiative's contact list says nothing
/// about another's.
/// </summary>
public class ContactConsent
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public int InitiativeId { get; set; }
    public bool Given { get; set; }
    public DateTimeOffset At { get; set; }
    public required string RecordedBy { get; set; }
}
