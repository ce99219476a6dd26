using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Meetings;
using Xunit;

namespace Samskab.Tests.Features.Meetings;

public class CalendarFeedAndApiTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task PersonalFeed_ListsMyMeetingsWithStableUids_AndANewLinkRevokesTheOld()
    {
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync("/kalender");
        var made = await aisha.SubmitAsync(page.Document, "main form");
        var url = made.Document.QuerySelector("#feed-url")!.TextContent.Trim();
        var path = new Uri(url).AbsolutePath;
        // One click for Apple Calendar and Outlook (webcal://), and for Google Calendar.
        Assert.Equal("webcal://localhost" + path, made.Document.QuerySelector("#webcal-link")!.GetAttribute("href"));
        Assert.Equal("https://calendar.google.com/calendar/render?cid=" + Uri.EscapeDataString("webcal://localhost" + path), made.Document.QuerySelector("#google-link")!.GetAttribute("href"));

        using var calendarApp = factory.CreateAppClient();
        var response = await calendarApp.Http.GetAsync(path);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var uids = await factory.WithDbAsync(db => db.Invitations.Where(i => i.Person!.Email == "aktoer@demo.samskab.dk").Select(i => i.Meeting!.CalendarUid).ToListAsync());
        Assert.NotEmpty(uids);
        Assert.All(calendar.Events, e => Assert.Contains(e.Uid, uids));
        Assert.Equal("Europe/Copenhagen", calendar.Events.First().DtStart!.TzId);

        var again = await calendarApp.Http.GetStringAsync(path);
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), Ical.Net.Calendar.Load(again)!.Events.Select(e => e.Uid).Order());

        var renewed = await aisha.SubmitAsync(made.Document, "main form");
        Assert.NotEqual(url, renewed.Document.QuerySelector("#feed-url")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync("/kalender/gaet-et-link.ics")).StatusCode);
    }

    [Fact]
    public async Task Api_MeetingsOfAnInitiative_AndOneMeetingWithAgendaRepliesAgreements()
    {
        var (id, platformIds) = await factory.InitiativeWithPlatformsAsync("Møder via API", "Mødeplatformen");
        var now = DateTimeOffset.UtcNow;
        var (statusId, platformMeetingId) = await factory.WithDbAsync(async db =>
        {
            var people = await db.People.Where(p => p.Email == "aktoer@demo.samskab.dk" || p.Email == "tovholder@demo.samskab.dk").OrderBy(p => p.Email).ToListAsync();
            var (aisha, tobias) = (people[0], people[1]);
            Meeting New(MeetingType type, string title, int days, int? platform) => new()
            {
                InitiativeId = id,
                PlatformId = platform,
                Type = type,
                Title = title,
                StartsAt = now.AddDays(days),
                EndsAt = now.AddDays(days).AddHours(2),
                CalendarUid = Guid.NewGuid().ToString("N") + "@test",
                CreatedAt = now,
            };
            var past = New(MeetingType.StatusMeeting, "Forårets statusmøde", -30, null);
            var status = New(MeetingType.StatusMeeting, "Efterårets statusmøde", 14, null);
            foreach (var (title, order) in new[] { ("Velkomst", 1), ("Nyt fra platformene", 2), ("Næste skridt", 3) })
            {
                status.Agenda.Add(new AgendaItem { Title = title, Order = order });
            }
            status.Invitations.Add(new Invitation { Person = aisha, Reply = Reply.Yes, RepliedAt = now });
            status.Invitations.Add(new Invitation { Person = tobias, Reply = Reply.None });
            var platformMeeting = New(MeetingType.PlatformMeeting, "Platformsmøde", -7, platformIds[0]);
            db.Meetings.AddRange(past, status, platformMeeting);
            await db.SaveChangesAsync();
            db.Agreements.Add(new Agreement { InitiativeId = id, PlatformId = platformIds[0], MeetingId = platformMeeting.Id, Text = "Aisha spørger klubben", OwnerPersonId = aisha.Id, CreatedAt = now });
            await db.SaveChangesAsync();
            return (status.Id, platformMeeting.Id);
        });

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var meetings = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/meetings");
        Assert.Equal(3, meetings.GetArrayLength());
        Assert.Equal(2, meetings.EnumerateArray().Count(m => m.GetProperty("type").GetString() == "StatusMeeting"));

        var detail = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{statusId}");
        Assert.Equal(["Velkomst", "Nyt fra platformene", "Næste skridt"], detail.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToArray());
        Assert.Equal(["None", "Yes"], detail.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("reply").GetString()!).Order().ToArray());

        var withAgreements = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{platformMeetingId}");
        var agreement = Assert.Single(withAgreements.GetProperty("agreements").EnumerateArray());
        Assert.Equal("Aisha Aktør", agreement.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task StartPage_ShowsMyOpenAgreementsAndUpcomingMeetings()
    {
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var start = await aisha.GetAsync("/start");
        Assert.Contains("Undersøge, om multibanen kan få lys til kl. 22", start.Text);
        Assert.Contains("Fælles statusmøde, foråret", start.Text);
        Assert.DoesNotContain("Sende billeder fra sommerfesten", start.Text);
    }

    [Fact]
    public async Task Dashboard_WarnsAboutAPlatformThatHasNotMet()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var dashboard = await anne.GetAsync($"/initiativer/{id}/dashboard");
        Assert.Contains("Erhverv og tryghed har ikke holdt møde i 10 uger.", dashboard.Text);
        Assert.DoesNotContain("Der er ikke planlagt et fælles statusmøde.", dashboard.Text);
    }

    [Fact]
    public async Task MeetingList_ShowsUpcomingPastAndTheMonth()
    {
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var page = await aisha.GetAsync($"/initiativer/{id}/moeder");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Fælles statusmøde, foråret", page.Document.QuerySelector("ul.meeting-list")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("table.month-view"));
        var nextMonth = await aisha.GetAsync(page.Document.QuerySelectorAll("a").First(a => a.TextContent == "Næste måned").GetAttribute("href")!.Replace("?", $"/initiativer/{id}/moeder?", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, nextMonth.Status);
        Assert.Null(page.Document.QuerySelector($"a[href='/initiativer/{id}/moeder/nyt']"));
    }
}
