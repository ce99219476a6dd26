using System.Globalization;

namespace Samskab.Web.Features.Meetings;

/// <summary>
/// Turns the form's date and times (as a person in Denmark types them) into UTC instants. Every time is
/// Europe/Copenhagen: a time inside the spring-forward gap does not exist and is refused; a time in the autumn
/// repeat is read as summer time.
/// </summary>
public static class MeetingInput
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH.mm", "H.mm", "HHmm"];

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.TryParseExact(value?.Trim(), ["d-M-yyyy", "d.M.yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d) ? d : null;

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public const int MaxLocation = 300;
    public const int MaxOnlineUrl = 500;

    /// <summary>An online meeting link: an absolute http or https address only (never javascript: or data:).</summary>
    public static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && value!.Trim().Length <= MaxOnlineUrl;

    /// <summary>Null when the local time does not exist (the hour skipped when summer time starts).</summary>
    public static DateTimeOffset? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = Samskab.Web.Infrastructure.Web.DanishTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            return null;
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
