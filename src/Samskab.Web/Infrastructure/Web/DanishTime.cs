namespace Samskab.Web.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown as the users live them: in Europe/Copenhagen, with summer time.</summary>
public static class DanishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset ToDanish(this DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateTimeOffset? ToDanish(this DateTimeOffset? utc) => utc is { } t ? t.ToDanish() : null;
}
