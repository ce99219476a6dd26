namespace Samskab.Web.Features.Participation;

/// <summary>The limits and words of citizens' ideas, in one place for the pages, the model and the tests.</summary>
public static class IdeaRules
{
    public const int TitleLength = 120;
    public const int TextLength = 4000;
    public const int PlaceLength = 120;
    public const int AnswerLength = 2000;
    public const int ReasonLength = 500;
    public const int DisplayNameLength = 60;
    public const int PageSize = 20;

    /// <summary>Ideas a participant may post in one hour (spam); configurable as Participation:IdeasPerHour.</summary>
    public const int DefaultIdeasPerHour = 10;

    public static string Status(IdeaStatus status) => status switch
    {
        IdeaStatus.New => "Ny",
        IdeaStatus.Seen => "Set",
        IdeaStatus.BeingConsidered => "Overvejes",
        IdeaStatus.TakenUp => "Taget op",
        IdeaStatus.Realised => "Gennemført",
        IdeaStatus.NotPossible => "Ikke muligt",
        _ => "Lagt sammen med en anden idé",
    };

    /// <summary>The DKFDS badge colour of a status.</summary>
    public static string StatusClass(IdeaStatus status) => status switch
    {
        IdeaStatus.TakenUp or IdeaStatus.Realised => "badge-success",
        IdeaStatus.NotPossible => "badge-error",
        IdeaStatus.BeingConsidered or IdeaStatus.Seen => "badge-info",
        _ => "badge",
    };

    public static string Type(CampaignType type) => type switch
    {
        CampaignType.IdeaBoard => "Idébank",
        CampaignType.WishList => "Ønskeseddel",
        CampaignType.Competition => "Konkurrence",
        _ => "Fotoindsamling",
    };

    public static string Moderation(ModerationMode mode) => mode == ModerationMode.BeforePublication
        ? "Før offentliggørelse: en moderator godkender hvert bidrag"
        : "Efter offentliggørelse: bidrag vises med det samme, anmeldelser skjuler dem";

    public static string ModerationKind(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.Approve => "Godkendt",
        ModerationActionKind.Hide => "Skjult",
        ModerationActionKind.Restore => "Gendannet",
        ModerationActionKind.EditOut => "Persondata fjernet",
        _ => "Skjult efter anmeldelser",
    };

    public static string Sort(IdeaSort sort) => sort switch
    {
        IdeaSort.MostLiked => "Flest synes godt om",
        IdeaSort.MostDeveloped => "Mest videreudviklet",
        IdeaSort.RecentlyAnswered => "Senest besvaret",
        _ => "Nyeste",
    };

    /// <summary>The URL word of each sort (Danish, like the rest of the addresses).</summary>
    public static string SortKey(IdeaSort sort) => sort switch
    {
        IdeaSort.MostLiked => "populaere",
        IdeaSort.MostDeveloped => "videreudviklede",
        IdeaSort.RecentlyAnswered => "besvarede",
        _ => "nyeste",
    };

    public static IdeaSort ParseSort(string? key) => key switch
    {
        "populaere" => IdeaSort.MostLiked,
        "videreudviklede" => IdeaSort.MostDeveloped,
        "besvarede" => IdeaSort.RecentlyAnswered,
        _ => IdeaSort.Newest,
    };

    /// <summary>Statuses that may follow an answer; "new" is where every idea starts, never an answer.</summary>
    public static readonly IdeaStatus[] AnswerStatuses =
        [IdeaStatus.Seen, IdeaStatus.BeingConsidered, IdeaStatus.TakenUp, IdeaStatus.Realised, IdeaStatus.NotPossible, IdeaStatus.Merged];
}

public enum IdeaSort
{
    Newest = 1,
    MostLiked = 2,
    MostDeveloped = 3,
    RecentlyAnswered = 4,
}
