using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Features.Ripples;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.Tests.Features.Performance;

/// <summary>
/// A page makes a fixed number of queries whatever the data (STYLE.md): the same pages of an initiative with 3
/// platforms and one with 30, each platform with members, goals, measurements, meetings with attendance, ripples and
/// reality checks, make the same number of SQL commands.
/// </summary>
public class QueryCountTests(SqlCountingFactory factory, ITestOutputHelper output) : IClassFixture<SqlCountingFactory>
{
    private async Task<(int Initiative, int Platform, int Meeting)> InitiativeAsync(string title, int platforms)
    {
        return await factory.WithDbAsync(async db =>
        {
            var anchor = await db.People.FirstAsync(p => p.Email == "anker@demo.samskab.dk");
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var initiative = new Initiative { Title = title, SharedChallenge = "Udfordringen for " + title, StartDate = today.AddDays(-400), Phase = 6, CreatedAt = now.AddDays(-400) };
            initiative.Members.Add(new InitiativeMember { Person = anchor, Role = InitiativeRole.AnchorPerson, InWorkingGroup = true, AddedAt = now.AddDays(-400) });
            db.Initiatives.Add(initiative);
            var organisation = new Organisation { Name = "Forening for " + title, Type = OrganisationType.CivilSociety, CreatedAt = now };
            var created = new List<(DevelopmentPlatform Platform, List<Person> People)>();
            for (var p = 0; p < platforms; p++)
            {
                var platform = new DevelopmentPlatform { Initiative = initiative, Name = $"{title} platform {p + 1}", FocusArea = "Fokus", CreatedAt = now.AddDays(-300) };
                var people = Enumerable.Range(0, 3).Select(i => new Person { Name = $"Person {p}-{i} {title}", Email = $"p{p}-{i}-{title.Length}@eksempel.dk", Organisation = organisation, CreatedAt = now }).ToList();
                foreach (var (person, i) in people.Select((x, i) => (x, i)))
                {
                    initiative.Members.Add(new InitiativeMember { Person = person, AddedAt = now.AddDays(-300), SharesContactDetails = i % 2 == 0, Influence = Influence.High, Stance = Stance.For });
                    platform.Members.Add(new PlatformMember { Person = person, IsCoordinator = i == 0, JoinedOn = today.AddDays(-300) });
                }
                db.Platforms.Add(platform);
                created.Add((platform, people));
            }
            await db.SaveChangesAsync();
            foreach (var (platform, people) in created)
            {
                var goal = new Goal { PlatformId = platform.Id, Title = "Flere unge", Kind = GoalKind.Quantitative, BaselineValue = 10, BaselineDate = today.AddDays(-250), Unit = "unge", CreatedAt = now };
                goal.Measurements.Add(new GoalMeasurement { MeasuredOn = today.AddDays(-100), Value = 12, ByName = "Test", CreatedAt = now });
                goal.Measurements.Add(new GoalMeasurement { MeasuredOn = today.AddDays(-10), Value = 15, ByName = "Test", CreatedAt = now });
                db.Goals.Add(goal);
                db.Goals.Add(new Goal { PlatformId = platform.Id, Title = "Uden baseline", Kind = GoalKind.Qualitative, CreatedAt = now });
                for (var m = 0; m < 4; m++)
                {
                    var meeting = new Meeting
                    {
                        InitiativeId = initiative.Id,
                        PlatformId = platform.Id,
                        Type = MeetingType.PlatformMeeting,
                        Title = "Platformsmøde",
                        StartsAt = now.AddDays(-20 * (m + 1)),
                        EndsAt = now.AddDays(-20 * (m + 1)).AddHours(2),
                        CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
                        CreatedAt = now,
                    };
                    foreach (var person in people)
                    {
                        meeting.Invitations.Add(new Invitation { PersonId = person.Id, Reply = Reply.Yes, Attended = person != people[2] });
                    }
                    db.Meetings.Add(meeting);
                }
                var ripple = new Ripple { InitiativeId = initiative.Id, What = "En ring", HappenedOn = today.AddDays(-30), ByName = "Test", CreatedAt = now };
                ripple.Platforms.Add(new RipplePlatform { PlatformId = platform.Id });
                db.Ripples.Add(ripple);
                db.RealityChecks.Add(new RealityCheck { PlatformId = platform.Id, StartedAt = now.AddDays(-40), StartedByName = "Test" });
            }
            await db.SaveChangesAsync();
            var first = created[0].Platform.Id;
            var upcoming = new Meeting
            {
                InitiativeId = initiative.Id,
                PlatformId = first,
                Type = MeetingType.PlatformMeeting,
                Title = "Næste møde",
                StartsAt = now.AddDays(14),
                EndsAt = now.AddDays(14).AddHours(2),
                CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
                CreatedAt = now,
            };
            foreach (var person in created.SelectMany(c => c.People))
            {
                upcoming.Invitations.Add(new Invitation { PersonId = person.Id });
            }
            db.Meetings.Add(upcoming);
            await db.SaveChangesAsync();
            return (initiative.Id, first, upcoming.Id);
        });
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "dashboard", "/initiativer/{i}/dashboard" },
        { "platform page", "/platforme/{p}" },
        { "actor overview", "/initiativer/{i}/aktoerer" },
        { "initiative", "/initiativer/{i}" },
        { "meetings", "/initiativer/{i}/moeder" },
        { "meeting", "/moeder/{m}" },
        { "plan a meeting", "/initiativer/{i}/moeder/nyt" },
        { "ripples", "/initiativer/{i}/ringe" },
        { "evaluation", "/initiativer/{i}/evaluering" },
        { "goals", "/platforme/{p}/maal" },
        { "start page", "/start" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_MakesTheSameNumberOfQueries_With3And30Platforms(string name, string template)
    {
        var small = await InitiativeAsync("Lille " + name, 3);
        var large = await InitiativeAsync("Stor " + name, 30);
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        string Url((int Initiative, int Platform, int Meeting) ids) => template.Replace("{i}", ids.Initiative.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{p}", ids.Platform.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{m}", ids.Meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The first request warms caches (data protection keys, the session touch); count the second.
        await anne.SqlCommandsAsync(Url(small));
        var withFew = await anne.SqlCommandsAsync(Url(small));
        await anne.SqlCommandsAsync(Url(large));
        var withMany = await anne.SqlCommandsAsync(Url(large));
        output.WriteLine($"{name}: {withFew} commands with 3 platforms, {withMany} with 30");
        Assert.Equal(withFew, withMany);
    }
}
