namespace Samskab.Web.Features.Participation;

public enum CampaignType
{
    IdeaBoard = 1,
    WishList = 2,
    Competition = 3,
    PhotoCollection = 4,
}

public enum ModerationMode
{
    /// <summary>Published at once; reports hide an item until a moderator decides.</summary>
    AfterPublication = 1,

    /// <summary>Nothing is public before a moderator has approved it.</summary>
    BeforePublication = 2,
}

/// <summary>
/// An indsamling: a theme and a question put to citizens for a period (seed 000). Staff create it; citizens take
/// part without an account.
/// </summary>
public class Campaign
{
    public int Id { get; set; }
    public CampaignType Type { get; set; }
    public required string Theme { get; set; }
    public required string Question { get; set; }
    public string? Description { get; set; }

    /// <summary>The organisation that asks (a municipality, a police district), shown to citizens.</summary>
    public required string OrganisationName { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public int? InitiativeId { get; set; }

    /// <summary>A campaign that asks one local area for input (issue 14): shown on the area's page and announced there.</summary>
    public int? LocalAreaId { get; set; }
    public ModerationMode Moderation { get; set; } = ModerationMode.AfterPublication;

    /// <summary>After this many reports an item is hidden until a moderator has looked at it.</summary>
    public int ReportThreshold { get; set; } = 3;
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }

    /// <summary>Published ideas, kept on the row in the same transaction as the idea.</summary>
    public int IdeaCount { get; set; }
    public List<CampaignManager> Managers { get; set; } = [];

    /// <summary>A competition's public vote, with its own dates (within or after the entry period).</summary>
    public DateOnly? VoteOpensOn { get; set; }
    public DateOnly? VoteClosesOn { get; set; }

    /// <summary>The competition's winner, announced on the page with the jury's words.</summary>
    public int? WinnerIdeaId { get; set; }
    public string? WinnerText { get; set; }
    public DateTimeOffset? WinnerAnnouncedAt { get; set; }

    public bool IsOpenOn(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    /// <summary>Likes are votes in a competition: only between the vote dates. Other types take likes while open.</summary>
    public static bool LikesOpenOn(CampaignType type, DateOnly opensOn, DateOnly closesOn, DateOnly? voteOpensOn, DateOnly? voteClosesOn, DateOnly day) =>
        type == CampaignType.Competition
            ? voteOpensOn is DateOnly vo && voteClosesOn is DateOnly vc && day >= vo && day <= vc
            : day >= opensOn && day <= closesOn;
}

/// <summary>A theme staff group contributions into (a wish list's themes; a filter on every board).</summary>
public class CampaignTheme
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One of a competition's jury criteria (fx "originalitet"), scored 1–5 by each juror.</summary>
public class JuryCriterion
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
}

/// <summary>A juror's score of one entry on one criterion; one per juror, entry and criterion (changed in place).</summary>
public class JuryScore
{
    public int IdeaId { get; set; }
    public int CriterionId { get; set; }
    public required string UserId { get; set; }
    public int Score { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A staff account that manages, moderates and answers one campaign.</summary>
public class CampaignManager
{
    public int CampaignId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum IdentityLevel
{
    /// <summary>A confirmed e-mail address.</summary>
    Email = 1,

    /// <summary>A Samskab account (staff, actors).</summary>
    Account = 2,

    // MitID through an OIDC broker would be a third level; not built.
}

/// <summary>
/// A citizen taking part with a confirmed e-mail address and a display name, no password (deltager). The address is
/// never shown to the public; the display name is, unless the participant chose to be anonymous.
/// </summary>
public class Participant
{
    public int Id { get; set; }

    /// <summary>Lower-case; null once the participant has deleted their participation.</summary>
    public string? Email { get; set; }
    public string DisplayName { get; set; } = "";
    public bool Anonymous { get; set; }
    public string? UserId { get; set; }
    public IdentityLevel Level { get; set; } = IdentityLevel.Email;
    public string Language { get; set; } = "da";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The participant's own invitation code ("bring a friend", seed 000's pay it forward).</summary>
    public string? InviteCode { get; set; }

    public static string NewInviteCode() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    public string PublicName => DeletedAt is not null || Anonymous || string.IsNullOrWhiteSpace(DisplayName) ? "" : DisplayName;
}

/// <summary>
/// A citizen who joined through another's invitation link of a campaign. Only those who joined are recorded: a link
/// that is opened but not followed by joining leaves nothing behind.
/// </summary>
public class ParticipantInvitation
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int InviterId { get; set; }
    public int InviteeId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A remembered device: the participant cookie holds the token, the database its hash.</summary>
public class ParticipantDevice
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A pending e-mail confirmation: a six-digit code and a link, either confirms it once.</summary>
public class ParticipantChallenge
{
    public int Id { get; set; }

    /// <summary>Public handle of the challenge in the code form's URL (random, not guessable).</summary>
    public required string Handle { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string CodeHash { get; set; }
    public required string LinkHash { get; set; }
    public string? ReturnUrl { get; set; }

    /// <summary>The display name and anonymity chosen with this sign-up, applied when it is confirmed.</summary>
    public string DisplayName { get; set; } = "";
    public bool Anonymous { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? RequestedFrom { get; set; }
}

public enum IdeaStatus
{
    New = 1,
    Seen = 2,
    BeingConsidered = 3,
    TakenUp = 4,
    Realised = 5,
    NotPossible = 6,
    Merged = 7,
}

public enum IdeaVisibility
{
    /// <summary>Waiting for a moderator (campaigns moderated before publication).</summary>
    Pending = 1,
    Published = 2,

    /// <summary>Hidden by a moderator, or by reports until a moderator decides.</summary>
    Hidden = 3,

    /// <summary>Withdrawn by its author.</summary>
    Withdrawn = 4,
}

public class Idea
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Title { get; set; }
    public string Text { get; set; } = "";
    public string? PlaceName { get; set; }
    public string? ImageKey { get; set; }

    /// <summary>The idea this one builds on (byg videre på idéen), and the first idea of its family.</summary>
    public int? BuildsOnId { get; set; }
    public int? FamilyRootId { get; set; }
    public IdeaStatus Status { get; set; } = IdeaStatus.New;
    public DateTimeOffset? AnsweredAt { get; set; }
    public IdeaVisibility Visibility { get; set; } = IdeaVisibility.Published;

    /// <summary>True while reports keep it hidden and no moderator has decided.</summary>
    public bool AwaitsModerator { get; set; }
    public int LikeCount { get; set; }
    public int BuildOnCount { get; set; }
    public int ReportCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public int? TakenUpByPlatformId { get; set; }
    public int? MergedIntoId { get; set; }

    /// <summary>The theme staff grouped it into (no foreign key: SQLite would rebuild the table and its search triggers).</summary>
    public int? ThemeId { get; set; }

    /// <summary>A competition entry's film, as a link (https) to where it is published.</summary>
    public string? FilmUrl { get; set; }
    public int CommentCount { get; set; }
}

/// <summary>A comment on an idea; moderated like the idea (before or after publication).</summary>
public class IdeaComment
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Text { get; set; }
    public IdeaVisibility Visibility { get; set; } = IdeaVisibility.Published;
    public string? HiddenReason { get; set; }

    /// <summary>True while reports keep it hidden and no moderator has decided.</summary>
    public bool AwaitsModerator { get; set; }
    public int ReportCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A report of a comment; one per participant and comment.</summary>
public class CommentReport
{
    public int CommentId { get; set; }
    public int ParticipantId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class IdeaLike
{
    public int IdeaId { get; set; }
    public int ParticipantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An idea's status and the municipality's public answer, appended (the history is shown on the idea).</summary>
public class IdeaAnswer
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public IdeaStatus Status { get; set; }
    public string Text { get; set; } = "";
    public int? PlatformId { get; set; }
    public int? MergedIntoId { get; set; }
    public required string ByName { get; set; }
    public string? ByUserId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Someone who gets a mail when the idea's status changes; the token makes the one-click unsubscribe link.</summary>
public class IdeaFollower
{
    public int IdeaId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class IdeaReport
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public int ParticipantId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ModerationActionKind
{
    Approve = 1,
    Hide = 2,
    Restore = 3,
    EditOut = 4,
    AutoHidden = 5,
}

/// <summary>Every moderation action, appended; the reason is shown to the author.</summary>
public class ModerationAction
{
    public int Id { get; set; }
    public int IdeaId { get; set; }

    /// <summary>Set when the action was on one of the idea's comments.</summary>
    public int? CommentId { get; set; }
    public ModerationActionKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public string ByName { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTimeOffset At { get; set; }
}
