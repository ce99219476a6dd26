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
    public const int ThemeLength = 80;
    public const int CommentLength = 1000;
    public const int FilmUrlLength = 500;

    /// <summary>Themes per campaign and jury criteria per competition: enough for any real grouping.</summary>
    public const int MaxThemes = 30;
    public const int MaxCriteria = 10;

    /// <summary>Comments shown under an idea (the newest); the count on the idea says how many there are.</summary>
    public const int CommentsShown = 200;

    /// <summary>Ideas a participant may post in one hour (spam); configurable as Participation:IdeasPerHour.</summary>
    public const int DefaultIdeasPerHour = 10;

    /// <summary>An absolute http(s) link with a host, as typed (trimmed); null for anything else (javascript:, data:, relative).</summary>
    public static string? SafeLink(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || v.Length > FilmUrlLength) return null;
        return Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && uri.Host.Contains('.') && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.AbsoluteUri
            : null;
    }

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

    public static string TypeHint(CampaignType type) => type switch
    {
        CampaignType.IdeaBoard => "Borgerne skriver idéer, synes godt om andres, kommenterer og bygger videre på dem.",
        CampaignType.WishList => "Korte ønsker til kommunen inden for temaet. I samler dem i temaer bagefter.",
        CampaignType.Competition => "Bidrag med tekst, foto eller et link til en film. En jury bedømmer, og alle kan stemme i afstemningens periode.",
        _ => "Borgerne deler fotos med en billedtekst: hvad betyder noget for mig her?",
    };

    /// <summary>What one contribution is called, in the singular and plural, per type.</summary>
    public static (string One, string Many) Noun(CampaignType type) => type switch
    {
        CampaignType.WishList => ("{0} ønske", "{0} ønsker"),
        CampaignType.Competition => ("1 bidrag", "{0} bidrag"),
        CampaignType.PhotoCollection => ("{0} foto", "{0} fotos"),
        _ => ("{0} idé", "{0} idéer"),
    };

    /// <summary>The board's call to action per type.</summary>
    public static string PostLabel(CampaignType type) => type switch
    {
        CampaignType.WishList => "Skriv et ønske",
        CampaignType.Competition => "Send et bidrag",
        CampaignType.PhotoCollection => "Del et foto",
        _ => "Skriv en idé",
    };

    /// <summary>A contribution's number on its own page ("Idé nr. 12").</summary>
    public static string Number(CampaignType type) => type switch
    {
        CampaignType.WishList => "Ønske nr. {0}",
        CampaignType.Competition => "Bidrag nr. {0}",
        CampaignType.PhotoCollection => "Foto nr. {0}",
        _ => "Idé nr. {0}",
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
