using System.Globalization;
using System.Net;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Meetings;
using Xunit;

namespace Samskab.Tests.Features.Meetings;

public class MeetingTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string Future(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(AppClient Client, int InitiativeId, int PlatformId)> CoordinatorAsync(string title)
    {
        var (initiative, platforms) = await factory.InitiativeWithPlatformsAsync(title, "Mødeplatform");
        return (await factory.SignedInAsync("tovholder@demo.samskab.dk"), initiative, platforms[0]);
    }

    private static Dictionary<string, string> Plan(string date, string start = "17:00", string end = "19:00", string title = "Platformsmøde") => new()
    {
        ["Input.Title"] = title,
        ["Input.Date"] = date,
        ["Input.Start"] = start,
        ["Input.End"] = end,
        ["Input.Location"] = "Klubben, Engvej 40",
    };

    [Fact]
    public async Task Plan_PlatformMeeting_InvitesMembersWithIcsInTheOutbox()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 1");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=FirstPlatformMeeting&platform={platform}");
        Assert.Contains("Fokus: Hvad vil platformen fokusere på?", form.Document.QuerySelector("#Input_Agenda")!.TextContent);
        var planned = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(20)));
        Assert.Contains("Mødet er planlagt, og 2 invitationer er sendt.", planned.Text);

        var mail = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Category == "Meeting");
        Assert.StartsWith("Invitation: ", mail.Subject, StringComparison.Ordinal);
        var attachment = await factory.WithDbAsync(db => db.OutboxAttachments.SingleAsync(a => a.OutboxMessageId == mail.Id));
        Assert.StartsWith("text/calendar; method=REQUEST", attachment.ContentType, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(attachment.Content))!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("Europe/Copenhagen", e.DtStart!.TzId);
        Assert.Equal(17, e.DtStart.Value.Hour);
        Assert.Equal("Klubben, Engvej 40", e.Location);
    }

    [Fact]
    public async Task Plan_BadInput_GivesDanishMessages()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 2");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platform}");
        var endBeforeStart = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(10), "19:00", "17:00"));
        Assert.Contains("Mødet skal slutte, efter det begynder.", endBeforeStart.Text);
        var past = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan("2020-01-01"));
        Assert.Contains("Mødet ligger i fortiden.", past.Text);
        var noTime = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(10), "", "19:00"));
        Assert.Contains("Skriv et starttidspunkt, fx 17:00.", noTime.Text);
        var gap = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(NextSpringForward(), "02:30", "03:30"));
        Assert.Contains("Klokkeslættet findes ikke den dag", gap.Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.InitiativeId == initiative)));
    }

    [Fact]
    public async Task Plan_DanishTimeFormatWithPeriod_IsUnderstood_AndSummerTimeIsRight()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 3");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platform}");
        var july = new DateTime(DateTime.UtcNow.Year + 1, 7, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(july, "17.00", "19.30"));
        var meeting = await factory.WithDbAsync(db => db.Meetings.SingleAsync(m => m.InitiativeId == initiative));
        Assert.Equal(15, meeting.StartsAt.UtcDateTime.Hour);
        Assert.Equal(17, meeting.EndsAt.UtcDateTime.Hour);
        Assert.Equal(30, meeting.EndsAt.UtcDateTime.Minute);
    }

    [Fact]
    public async Task Plan_ActorWhoIsNotCoordinator_IsRefused()
    {
        var (initiative, _) = await factory.InitiativeWithPlatformsAsync("Møder 4", "P");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/initiativer/{initiative}/moeder/nyt")).Status);
    }

    [Fact]
    public async Task Plan_DoubleClick_NoInviteeGetsTheSameInvitationTwice()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 5");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platform}");
        await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(30), title: "Dobbeltklik"));
        var meetingId = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Title == "Dobbeltklik").Select(m => m.Id).SingleAsync());
        // The sending step runs again (a second click on the meeting page, a second instance): nothing new is queued.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<MeetingScheduler>();
            Assert.Equal(0, await scheduler.SendPendingAsync(meetingId, new System.Security.Claims.ClaimsPrincipal()));
        }
        var keys = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith($"meeting:{meetingId}:")).Select(m => m.DedupeKey).ToListAsync());
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Reply_FromMailLink_WithoutSignIn_AndChangeSendsUpdateWithSameUid_CancelStopsReplies()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 6");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platform}");
        var page = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(40), title: "Svarmøde"));
        var first = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Category == "Meeting");
        var link = Outbox.LinkIn(first.TextBody, "/moeder/svar/");

        using var anonymous = factory.CreateAppClient();
        var replyPage = await anonymous.GetAsync(link);
        Assert.Contains("Hej Aisha Aktør. Kommer du?", replyPage.Text);
        var replied = await anonymous.SubmitAsync(replyPage.Document, "main form", submitName: "reply=Yes");
        Assert.Contains("Tak – vi ses!", replied.Text);
        Assert.Contains("1 ja", (await tobias.GetAsync(page.Response.RequestMessage!.RequestUri!.AbsolutePath)).Text);

        var unknown = await anonymous.GetAsync("/moeder/svar/findes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Linket er ikke gyldigt", unknown.Text);

        // Move the meeting: the same calendar entry, a higher sequence.
        var meetingPage = await tobias.GetAsync(page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        var moved = await tobias.SubmitAsync(meetingPage.Document, "form[action*='handler=Change']", new Dictionary<string, string> { ["Start"] = "18:00", ["End"] = "20:00" });
        Assert.True(moved.Text.Contains("Mødet er ændret, og 2 har fået besked", StringComparison.Ordinal), moved.Status + " " + moved.Response.RequestMessage!.RequestUri + moved.Document.QuerySelector(".alert-error")?.TextContent);
        var update = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Category == "Meeting");
        Assert.StartsWith("Ændret: ", update.Subject, StringComparison.Ordinal);
        var firstIcs = await IcsAsync(first.Id);
        var updateIcs = await IcsAsync(update.Id);
        Assert.Equal(firstIcs.Uid, updateIcs.Uid);
        Assert.Equal(1, updateIcs.Sequence);
        Assert.Equal(18, updateIcs.DtStart!.Value.Hour);

        var cancelled = await tobias.SubmitAsync(moved.Document, "form[action*='handler=Cancel']", new Dictionary<string, string> { ["reason"] = "Klubben er lukket" });
        Assert.Contains("Mødet er aflyst, og 2 har fået besked.", cancelled.Text);
        var cancel = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Category == "Meeting");
        var cancelAttachment = await factory.WithDbAsync(db => db.OutboxAttachments.SingleAsync(a => a.OutboxMessageId == cancel.Id));
        Assert.StartsWith("text/calendar; method=CANCEL", cancelAttachment.ContentType, StringComparison.Ordinal);
        var cancelIcs = await IcsAsync(cancel.Id);
        Assert.Equal("CANCELLED", cancelIcs.Status);
        Assert.Equal(firstIcs.Uid, cancelIcs.Uid);

        var late = await anonymous.SubmitAsync(replyPage.Document, "main form", submitName: "reply=No");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("Mødet er aflyst, så der skal ikke svares.", late.Text);
    }

    [Fact]
    public async Task Reminder_OnlyToThoseWhoHaveNotAnswered_OncePerDay()
    {
        var (tobias, initiative, platform) = await CoordinatorAsync("Møder 7");
        using var _ = tobias;
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platform}");
        var page = await tobias.SubmitAsync(form.Document, "main form[method='post']", Plan(Future(50), title: "Påmindelsesmøde"));
        var invitation = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Category == "Meeting");
        using var aisha = factory.CreateAppClient();
        var reply = await aisha.GetAsync(Outbox.LinkIn(invitation.TextBody, "/moeder/svar/"));
        await aisha.SubmitAsync(reply.Document, "main form", submitName: "reply=Maybe");

        var reminded = await tobias.SubmitAsync(page.Document, "form[action*='handler=Remind']");
        Assert.Contains("1 har fået en påmindelse.", reminded.Text);
        var again = await tobias.SubmitAsync(page.Document, "form[action*='handler=Remind']");
        Assert.Contains("Der er ingen at minde om i dag", again.Text);
        Assert.DoesNotContain(await factory.ToAsync("aktoer@demo.samskab.dk"), m => m.Subject.StartsWith("Påmindelse", StringComparison.Ordinal));
        Assert.Single(await factory.ToAsync("tovholder@demo.samskab.dk"), m => m.Subject == "Påmindelse: Påmindelsesmøde");
    }

    [Fact]
    public async Task StatusMeeting_ProposesSixMonthsAfterTheLastAndTheHostWhoHostedLeastRecently()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Statusmøder", "S");
        var hostedBefore = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "aktoer@demo.samskab.dk").Select(p => p.OrganisationId!.Value).FirstAsync());
        await factory.WithDbAsync(async db =>
        {
            var start = DateTimeOffset.UtcNow.AddDays(-20);
            db.Meetings.Add(new Meeting { InitiativeId = id, Type = MeetingType.StatusMeeting, Title = "Forrige statusmøde", StartsAt = start, EndsAt = start.AddHours(3), HostOrganisationId = hostedBefore, CalendarUid = Guid.NewGuid().ToString("N"), CreatedAt = start });
            await db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync($"/initiativer/{id}/moeder/nyt?type=StatusMeeting");
        var proposedDate = DateOnly.ParseExact(form.Document.QuerySelector("#Input_Date")!.GetAttribute("value")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = await factory.WithDbAsync(db => db.Meetings.Where(m => m.InitiativeId == id && m.Type == MeetingType.StatusMeeting && m.CancelledAt == null).OrderByDescending(m => m.StartsAt).Select(m => m.StartsAt).FirstAsync());
        // Six months after the last one's Danish date (in the hour before midnight UTC it is already tomorrow in
        // Denmark), moved past weekends and holidays (from a Saturday before Whitsun that is four days on).
        var sixMonths = DateOnly.FromDateTime(Samskab.Web.Infrastructure.Web.DanishTime.ToDanish(last).DateTime).AddMonths(6);
        Assert.Equal(Samskab.Web.Infrastructure.Web.DanishHolidays.NextWorkingDay(sixMonths), proposedDate);
        Assert.InRange(proposedDate.DayNumber - sixMonths.DayNumber, 0, 4);
        var selectedHost = form.Document.QuerySelector("#Input_HostOrganisationId option[selected]")!;
        Assert.Contains("aldrig vært", selectedHost.TextContent);
        Assert.NotEqual(hostedBefore.ToString(CultureInfo.InvariantCulture), selectedHost.GetAttribute("value"));
        Assert.Contains("senest vært", form.Document.QuerySelector($"#Input_HostOrganisationId option[value='{hostedBefore}']")!.TextContent);
    }

    private Task<Ical.Net.CalendarComponents.CalendarEvent> IcsAsync(long outboxId) =>
        factory.WithDbAsync(async db =>
        {
            var a = await db.OutboxAttachments.SingleAsync(x => x.OutboxMessageId == outboxId);
            return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(a.Content))!.Events.Single();
        });

    private static string NextSpringForward()
    {
        var year = DateTime.UtcNow.Year + 1;
        var d = new DateTime(year, 3, 31);
        while (d.DayOfWeek != DayOfWeek.Sunday) d = d.AddDays(-1);
        return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
