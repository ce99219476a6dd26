using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Meetings;
using Xunit;

namespace Samskab.Tests.Features.Meetings;

/// <summary>The meeting page is one form: whichever button is pressed, every text typed under every item is kept.</summary>
public class MinutesTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private Task<Meeting> MeetingAsync(bool held) => factory.WithDbAsync(async db =>
    {
        var initiative = await db.Initiatives.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var start = held ? now.AddDays(-3) : now.AddDays(5);
        var meeting = new Meeting
        {
            InitiativeId = initiative,
            Type = MeetingType.CoordinatorMeeting,
            Title = held ? "Afholdt tovholdermøde" : "Kommende tovholdermøde",
            StartsAt = start,
            EndsAt = start.AddHours(2),
            CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
            CreatedAt = now,
        };
        meeting.Agenda.Add(new AgendaItem { Order = 1, Title = "Velkomst" });
        meeting.Agenda.Add(new AgendaItem { Order = 2, Title = "Runde" });
        meeting.Agenda.Add(new AgendaItem { Order = 3, Title = "Tak for i dag" });
        foreach (var person in await db.People.Where(p => p.Email == "aktoer@demo.samskab.dk" || p.Email == "tovholder@demo.samskab.dk").ToListAsync())
        {
            meeting.Invitations.Add(new Invitation { PersonId = person.Id, Reply = person.Email!.StartsWith("aktoer", StringComparison.Ordinal) ? Reply.None : Reply.Yes });
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    });

    [Fact]
    public async Task TwoItemsTyped_ThenAnotherButton_BothTextsAreSaved()
    {
        var meeting = await MeetingAsync(held: true);
        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Id).ToArray();
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/moeder/{meeting.Id}");
        Assert.Single(page.Document.QuerySelectorAll("form#meeting-work"));
        var saved = await anne.SubmitAsync(page.Document, "form#meeting-work", new Dictionary<string, string>
        {
            [$"Minutes[{items[0]}]"] = "Alle blev budt velkommen.",
            [$"Minutes[{items[1]}]"] = "Hver platform fortalte kort.",
            ["DecisionText"] = "Vi mødes igen om to måneder.",
        }, submitName: "handler=Decision");
        Assert.Contains("Beslutningen er gemt.", saved.Text, StringComparison.Ordinal);
        var minutes = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Order).Select(a => a.Minutes).ToListAsync());
        Assert.Equal(["Alle blev budt velkommen.", "Hver platform fortalte kort.", null], minutes);
        Assert.Equal("Alle blev budt velkommen.", saved.Document.QuerySelector($"#Minutes_{items[0]}_")!.TextContent);
    }

    [Fact]
    public async Task AnEmptyDecision_KeepsEveryTypedTextOnThePage()
    {
        var meeting = await MeetingAsync(held: true);
        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Id).ToArray();
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/moeder/{meeting.Id}");
        var tooLong = new string('x', 8001);
        var refused = await anne.SubmitAsync(page.Document, "form#meeting-work", new Dictionary<string, string>
        {
            [$"Minutes[{items[0]}]"] = "Første punkt er skrevet.",
            [$"Minutes[{items[2]}]"] = tooLong,
            ["AgreementText"] = "En aftale, der ikke må gå tabt",
        }, submitName: "handler=Agreement");
        Assert.Contains("Referatet må højst være 8000 tegn pr. punkt.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Første punkt er skrevet.", refused.Document.QuerySelector($"#Minutes_{items[0]}_")!.TextContent);
        Assert.Equal(tooLong, refused.Document.QuerySelector($"#Minutes_{items[2]}_")!.TextContent);
        Assert.Equal("En aftale, der ikke må gå tabt", refused.Document.QuerySelector("#AgreementText")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AFutureMeeting_OffersTheAgenda_NotMinutesOrAttendance_AndLinksToThoseWhoHaveNotAnswered()
    {
        var meeting = await MeetingAsync(held: false);
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/moeder/{meeting.Id}");
        Assert.Empty(page.Document.QuerySelectorAll("textarea[name^='Minutes']"));
        Assert.Null(page.Document.QuerySelector("#beslutninger"));
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Attendance']"));
        Assert.NotNull(page.Document.QuerySelector("#NewItemTitle"));
        var notAnswered = page.Document.QuerySelector("dl.facts a[href*='svar=ikke-svaret']")!;
        Assert.Equal("1 har ikke svaret", notAnswered.TextContent);
        var list = await anne.GetAsync(notAnswered.GetAttribute("href")!);
        var rows = list.Document.QuerySelectorAll("#deltagere ~ .table--responsive-scroll tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["Aisha Aktør"], rows);

        var token = page.Document.QuerySelector("form#meeting-work input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var minutes = await anne.PostRawAsync($"/moeder/{meeting.Id}?handler=Minutes", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, minutes.Status);
        var added = await anne.SubmitAsync(page.Document, "form#meeting-work", new Dictionary<string, string> { ["NewItemTitle"] = "Eventuelt" }, submitName: "handler=AgendaItem");
        Assert.Contains("Eventuelt", added.Text, StringComparison.Ordinal);
        Assert.Equal(4, await factory.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.MeetingId == meeting.Id)));
    }
}
