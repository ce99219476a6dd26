using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Infrastructure.Web;
using Xunit;

namespace Samskab.Tests.Features.Meetings;

public class DanishHolidaysTests
{
    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2030, 4, 21)]
    public void EasterSunday_IsRight(int year, int month, int day) => Assert.Equal(new DateOnly(year, month, day), DanishHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2027-05-06", "Kristi himmelfartsdag")]
    [InlineData("2027-03-26", "Langfredag")]
    [InlineData("2027-05-17", "2. pinsedag")]
    [InlineData("2026-12-26", "2. juledag")]
    [InlineData("2027-06-05", "Grundlovsdag")]
    public void Holidays_AreNamed(string date, string name) => Assert.Equal(name, DanishHolidays.Name(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void StoreBededag_IsNoLongerAHoliday() => Assert.Null(DanishHolidays.Name(DanishHolidays.EasterSunday(2027).AddDays(26)));

    [Fact]
    public void NextWorkingDay_SkipsChristmasAndTheWeekend() =>
        Assert.Equal(new DateOnly(2026, 12, 28), DanishHolidays.NextWorkingDay(new DateOnly(2026, 12, 24)));
}

public class StatusMeetingPlanningTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task NextStatusMeeting_SixMonthsOn_IsMovedOffAHoliday_AndHostsAreOrganisationsThatHosted()
    {
        // A year in which 25 December is a weekday: the last status meeting on 25 June puts the proposal on Christmas Day.
        var year = Enumerable.Range(DateTime.UtcNow.Year + 1, 10).First(y => new DateOnly(y, 12, 25).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var (initiative, _) = await factory.InitiativeWithPlatformsAsync("Planlægning " + year, "Platform A");
        var (citizens, held, future) = await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var citizenOrg = new Organisation { Name = "Borgere i Planlægning", Type = OrganisationType.Citizen, CreatedAt = now };
            var school = new Organisation { Name = "Planlægningsskolen", Type = OrganisationType.Education, CreatedAt = now };
            var club = new Organisation { Name = "Planlægningsklubben", Type = OrganisationType.CivilSociety, CreatedAt = now };
            foreach (var (name, org) in new[] { ("Borger Bo", citizenOrg), ("Skole Sara", school), ("Klub Karl", club) })
            {
                db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative, Person = new Person { Name = name, Organisation = org, CreatedAt = now }, AddedAt = now });
            }
            await db.SaveChangesAsync();
            Meeting Status(DateTimeOffset at, Organisation host) => new()
            {
                InitiativeId = initiative,
                Type = MeetingType.StatusMeeting,
                Title = "Fælles statusmøde",
                StartsAt = at,
                EndsAt = at.AddHours(3),
                HostOrganisationId = host.Id,
                CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
                CreatedAt = now,
            };
            db.Meetings.Add(Status(now.AddDays(-30), school));
            db.Meetings.Add(Status(new DateTimeOffset(year, 6, 25, 15, 0, 0, TimeSpan.Zero), club));
            await db.SaveChangesAsync();
            return (citizenOrg.Id, school.Id, club.Id);
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=StatusMeeting");
        var proposed = DateOnly.Parse(page.Document.QuerySelector("#Input_Date")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DanishHolidays.NextWorkingDay(new DateOnly(year, 12, 25)), proposed);
        Assert.NotEqual(new DateOnly(year, 12, 25), proposed);

        var hosts = page.Document.QuerySelectorAll("#Input_HostOrganisationId option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.DoesNotContain(citizens.ToString(System.Globalization.CultureInfo.InvariantCulture), hosts.Keys);
        Assert.Contains("senest vært", hosts[held.ToString(System.Globalization.CultureInfo.InvariantCulture)], StringComparison.Ordinal);
        // A meeting not yet held is no hosting: the club, host of the one ahead, has never hosted; one who never hosted is proposed.
        Assert.Contains("aldrig vært", hosts[future.ToString(System.Globalization.CultureInfo.InvariantCulture)], StringComparison.Ordinal);
        Assert.Contains("aldrig vært", page.Document.QuerySelector("#Input_HostOrganisationId option[selected]")!.TextContent, StringComparison.Ordinal);
    }
}
