using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

public sealed class LocalAreaSettings
{
    /// <summary>The municipality's promise: a first answer within this many working days.</summary>
    public int FirstAnswerWorkingDays { get; set; } = 10;

    /// <summary>The community may reopen a closed request for this many days.</summary>
    public int ReopenDays { get; set; } = 30;

    /// <summary>A request passed on and not heard of for this many days is shown on the desk as waiting.</summary>
    public int PassedOnQuietDays { get; set; } = 14;

    public int RequestsPerHour { get; set; } = 5;
    public int MessagesPerHour { get; set; } = 30;
}

/// <summary>The rules of local areas and their requests: lengths, the states and what each one needs.</summary>
public static class AreaRules
{
    public const int NameLength = 120;
    public const int DescriptionLength = 4000;
    public const int ContactLength = 1000;
    public const int PlacesLength = 4000;
    public const int TitleLength = 120;
    public const int TextLength = 4000;
    public const int AnswerLength = 2000;
    public const int PageSize = 30;
    public const int MaxPlaces = 100;

    public static readonly RequestState[] Order =
        [RequestState.Received, RequestState.InDialogue, RequestState.PassedOn, RequestState.Planned, RequestState.Done, RequestState.ClosedNotDone];

    public static string State(RequestState state) => state switch
    {
        RequestState.Received => "Modtaget",
        RequestState.InDialogue => "I dialog",
        RequestState.PassedOn => "Sendt videre",
        RequestState.Planned => "Planlagt",
        RequestState.Done => "Gennemført",
        _ => "Lukket uden at blive gennemført",
    };

    /// <summary>What the bridge builder's answer says, as a hint beside the chosen state.</summary>
    public static string StateHint(RequestState state) => state switch
    {
        RequestState.InDialogue => "I taler sammen om, hvad der skal til.",
        RequestState.PassedOn => "Skriv hvilken afdeling, der har sagen nu, og gerne hvem.",
        RequestState.Planned => "Skriv hvornår det forventes at ske.",
        RequestState.Done => "Det, lokalsamfundet bad om, er gjort.",
        RequestState.ClosedNotDone => "Skriv hvorfor, så lokalsamfundet kan forstå det.",
        _ => "Henvendelsen er modtaget.",
    };

    public static string StateClass(RequestState state) => state switch
    {
        RequestState.Done => "badge-success",
        RequestState.ClosedNotDone => "badge-error",
        RequestState.Planned or RequestState.PassedOn => "badge-info",
        RequestState.InDialogue => "badge-info",
        _ => "badge",
    };

    public static string Category(RequestCategory category) => category switch
    {
        RequestCategory.RoadsAndPaths => "Veje og stier",
        RequestCategory.CultureAndLeisure => "Kultur og fritid",
        RequestCategory.Nature => "Natur og grønne områder",
        RequestCategory.TrafficSafety => "Trafiksikkerhed",
        RequestCategory.Events => "Arrangementer",
        RequestCategory.Premises => "Lokaler og faciliteter",
        RequestCategory.ChildrenAndYoung => "Børn og unge",
        _ => "Andet",
    };

    /// <summary>The Open311 service code of a category: stable, lower-case English.</summary>
    public static string ServiceCode(RequestCategory category) => category switch
    {
        RequestCategory.RoadsAndPaths => "roads-and-paths",
        RequestCategory.CultureAndLeisure => "culture-and-leisure",
        RequestCategory.Nature => "nature",
        RequestCategory.TrafficSafety => "traffic-safety",
        RequestCategory.Events => "events",
        RequestCategory.Premises => "premises",
        RequestCategory.ChildrenAndYoung => "children-and-young",
        _ => "other",
    };

    public static RequestCategory[] Categories => Enum.GetValues<RequestCategory>();

    /// <summary>The first working day counted from the request is the day after it; days off do not count.</summary>
    public static DateOnly AnswerDue(DateOnly sentOn, int workingDays)
    {
        var day = sentOn;
        for (var n = 0; n < workingDays; n++)
        {
            day = DanishHolidays.NextWorkingDay(day.AddDays(1));
        }
        return day;
    }

    /// <summary>Open, not answered by the municipality since it was sent (or reopened), and past the promised day.</summary>
    public static bool IsOverdue(RequestState state, DateTimeOffset? firstAnsweredAt, DateOnly answerDueOn, DateOnly today) =>
        state is not (RequestState.Done or RequestState.ClosedNotDone) && firstAnsweredAt is null && today > answerDueOn;

    /// <summary>The places as the list people search: trimmed, without empty lines or repeats.</summary>
    public static List<string> PlaceList(string? places) =>
        (places ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();
}
