namespace Samskab.Web.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown as the users live them: in Europe/Copenhagen, with summer time.</summary>
public static class DanishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset ToDanish(this DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateTimeOffset? ToDanish(this DateTimeOffset? utc) => utc is { } t ? t.ToDanish() : null;
}

/// <summary>
/// Dates and times written the way the reader writes them. Patterns are given the Danish way ("d. MMMM yyyy 'kl.'
/// HH.mm"); in English the day has no full stop, the clock takes a colon and "kl." becomes a comma ("19 November
/// 2026, 17:00"), and the month and day names come from the reader's culture.
/// </summary>
public static class LocalDates
{
    public static string ToText(this DateTimeOffset value, string danishPattern, IFormatProvider? provider = null) =>
        value.ToString(Pattern(danishPattern, provider), provider ?? System.Globalization.CultureInfo.CurrentCulture);

    public static string ToText(this DateOnly value, string danishPattern, IFormatProvider? provider = null) =>
        value.ToString(Pattern(danishPattern, provider), provider ?? System.Globalization.CultureInfo.CurrentCulture);

    public static string ToText(this DateTime value, string danishPattern, IFormatProvider? provider = null) =>
        value.ToString(Pattern(danishPattern, provider), provider ?? System.Globalization.CultureInfo.CurrentCulture);

    public static string Pattern(string danishPattern, IFormatProvider? provider = null)
    {
        var culture = provider as System.Globalization.CultureInfo ?? System.Globalization.CultureInfo.CurrentCulture;
        if (culture.TwoLetterISOLanguageName == "da")
        {
            return danishPattern;
        }
        return danishPattern.Replace("'den' ", "", StringComparison.Ordinal).Replace(" 'kl.' ", ", ", StringComparison.Ordinal)
            .Replace("d. ", "d ", StringComparison.Ordinal).Replace("HH.mm.ss", "HH:mm:ss", StringComparison.Ordinal).Replace("HH.mm", "HH:mm", StringComparison.Ordinal);
    }
}
