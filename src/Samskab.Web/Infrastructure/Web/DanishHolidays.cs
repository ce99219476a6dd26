namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// Days when the actors' organisations are closed: weekends, the Danish public holidays (helligdage) and the days
/// most workplaces close (grundlovsdag, juleaftensdag, nytårsaftensdag). Store bededag is no holiday from 2024.
/// </summary>
public static class DanishHolidays
{
    public static bool IsDayOff(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Name(date) is not null;

    /// <summary>The Danish name of the holiday, or null on an ordinary day.</summary>
    public static string? Name(DateOnly date)
    {
        switch ((date.Month, date.Day))
        {
            case (1, 1): return "Nytårsdag";
            case (6, 5): return "Grundlovsdag";
            case (12, 24): return "Juleaftensdag";
            case (12, 25): return "Juledag";
            case (12, 26): return "2. juledag";
            case (12, 31): return "Nytårsaftensdag";
        }
        var easter = EasterSunday(date.Year);
        var offset = date.DayNumber - easter.DayNumber;
        return offset switch
        {
            -3 => "Skærtorsdag",
            -2 => "Langfredag",
            0 => "Påskedag",
            1 => "2. påskedag",
            26 when date.Year < 2024 => "Store bededag",
            39 => "Kristi himmelfartsdag",
            49 => "Pinsedag",
            50 => "2. pinsedag",
            _ => null,
        };
    }

    public static DateOnly NextWorkingDay(DateOnly date)
    {
        while (IsDayOff(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    public static DateOnly PreviousWorkingDay(DateOnly date)
    {
        while (IsDayOff(date))
        {
            date = date.AddDays(-1);
        }
        return date;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
