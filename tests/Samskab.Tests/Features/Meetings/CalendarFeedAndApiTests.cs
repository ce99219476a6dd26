using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
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
    public async Task Api_MeetingsOfTheDemoInitiative_AndOneMeetingWithAgendaRepliesAgreements()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var meetings = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/meetings");
        Assert.True(meetings.GetArrayLength() >= 20);
        var status = meetings.EnumerateArray().Where(m => m.GetProperty("type").GetString() == "StatusMeeting").ToList();
        Assert.Equal(3, status.Count);
        Assert.Equal(2, status.Select(s => s.GetProperty("host").GetString()).Take(2).Distinct().Count());

        var upcoming = status.Single(s => s.GetProperty("startsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var detail = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{upcoming.GetProperty("id").GetInt32()}");
        Assert.True(detail.GetProperty("replies").GetArrayLength() >= 30);
        Assert.Contains(detail.GetProperty("replies").EnumerateArray(), r => r.GetProperty("reply").GetString() == "None");
        Assert.Equal(7, detail.GetProperty("agenda").GetArrayLength());

        var youthLatest = await factory.WithDbAsync(db => db.Agreements.Where(a => a.MeetingId != null && a.DoneAt == null && a.OwnerPerson!.Email == "aktoer@demo.samskab.dk").Select(a => a.MeetingId!.Value).FirstAsync());
        var withAgreements = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{youthLatest}");
        Assert.Contains(withAgreements.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("owner").GetString() == "Aisha Aktør");
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
