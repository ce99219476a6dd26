using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.RealityChecks;
using Xunit;

namespace Samskab.Tests.Features.Start;

/// <summary>One list on the start page of everything waiting for the person, each item linking to where to act.</summary>
public class WaitingForMeTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Actor_SeesHerRealityCheck_UnansweredInvitation_AndAnOverdueAgreementFirst()
    {
        var (initiative, platforms) = await factory.InitiativeWithPlatformsAsync("Venter på Aisha", "Aishas platform");
        var (check, meeting) = await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var aisha = await db.People.SingleAsync(p => p.Email == "aktoer@demo.samskab.dk");
            var reality = new RealityCheck { PlatformId = platforms[0], StartedAt = now.AddDays(-2), StartedByName = "Tobias", DueBy = DateOnly.FromDateTime(now.UtcDateTime).AddDays(5) };
            db.RealityChecks.Add(reality);
            var upcoming = new Meeting
            {
                InitiativeId = initiative,
                PlatformId = platforms[0],
                Type = MeetingType.PlatformMeeting,
                Title = "Møde om foråret",
                StartsAt = now.AddDays(9),
                EndsAt = now.AddDays(9).AddHours(2),
                CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
                CreatedAt = now,
            };
            upcoming.Invitations.Add(new Invitation { PersonId = aisha.Id });
            db.Meetings.Add(upcoming);
            await db.SaveChangesAsync();
            db.Agreements.Add(new Agreement { InitiativeId = initiative, MeetingId = upcoming.Id, Text = "Bestille lokalet", OwnerPersonId = aisha.Id, Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3), CreatedAt = now });
            await db.SaveChangesAsync();
            return (reality.Id, upcoming.Id);
        });

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var start = await aisha.GetAsync("/start");
        var items = start.Document.QuerySelectorAll(".waiting-list li").ToList();
        var mine = Assert.Single(items, i => i.TextContent.Contains("Bestille lokalet", StringComparison.Ordinal));
        Assert.Contains("Overskredet", mine.TextContent, StringComparison.Ordinal);
        // Everything overdue comes before everything else.
        var overdue = items.Select(i => i.ClassList.Contains("waiting-overdue")).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);
        var check_ = Assert.Single(items, i => i.QuerySelector($"a[href='/realitetstjek/{check}']") is not null);
        Assert.Contains("Realitetstjek på Aishas platform venter på dit svar.", check_.TextContent, StringComparison.Ordinal);
        Assert.Single(items, i => i.QuerySelector($"a[href='/moeder/{meeting}']") is not null && i.TextContent.Contains("Kommer du til Møde om foråret", StringComparison.Ordinal));

        // Answering takes the check off the list.
        var page = await aisha.GetAsync($"/realitetstjek/{check}");
        await aisha.SubmitAsync(page.Document, "form[action*='handler=Answer']", new Dictionary<string, string> { ["GoalProgress"] = "Det går fremad." });
        var after = await aisha.GetAsync("/start");
        Assert.Null(after.Document.QuerySelector($".waiting-list a[href='/realitetstjek/{check}']"));
    }
}
