using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Xunit;

namespace Samskab.Tests.Features.RealityChecks;

public class RealityCheckTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Coordinator_Starts_MembersAnswer_SecondAnswerEditsTheFirst_CloseProposesAChangeThatReachesConsent()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Realitetstjek 1", "Tjekplatform");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var list = await tobias.GetAsync($"/platforme/{platforms[0]}/realitetstjek");
        var started = await tobias.SubmitAsync(list.Document, "main form");
        Assert.Contains("Realitetstjekket er startet, og 2 medlemmer har fået en mail.", started.Text);
        Assert.Contains(await factory.ToAsync("aktoer@demo.samskab.dk"), m => m.Subject == "Realitetstjek: Tjekplatform");
        var again = await tobias.SubmitAsync(list.Document, "main form");
        Assert.Contains("Der er allerede et åbent realitetstjek.", again.Text);

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var checkUrl = started.Response.RequestMessage!.RequestUri!.AbsolutePath;
        var page = await aisha.GetAsync(checkUrl);
        var empty = await aisha.SubmitAsync(page.Document, "form[action*='handler=Answer']");
        Assert.Contains("Skriv mindst ét svar", empty.Text);
        await aisha.SubmitAsync(page.Document, "form[action*='handler=Answer']", new Dictionary<string, string> { ["GoalProgress"] = "Det går langsomt.", ["ProposedChange"] = "Continue" });
        var edited = await aisha.SubmitAsync(page.Document, "form[action*='handler=Answer']", new Dictionary<string, string> { ["GoalProgress"] = "Det står stille.", ["ProposedChange"] = "Standby", ["NeedsSparring"] = "true" });
        Assert.Contains("Dit svar er opdateret.", edited.Text);
        var answers = await factory.WithDbAsync(db => db.RealityCheckAnswers.Where(a => db.RealityChecks.Any(c => c.Id == a.RealityCheckId && c.PlatformId == platforms[0])).ToListAsync());
        var answer = Assert.Single(answers);
        Assert.Equal("Det står stille.", answer.GoalProgress);
        Assert.Equal(ProposedChange.Standby, answer.ProposedChange);
        Assert.True(answer.NeedsSparring);

        // Aisha is not the coordinator: she cannot close it.
        Assert.Null(edited.Document.QuerySelector("form[action*='handler=Close']"));

        var closePage = await tobias.GetAsync(checkUrl);
        var noSummary = await tobias.SubmitAsync(closePage.Document, "form[action*='handler=Close']", new Dictionary<string, string> { ["Outcome"] = "Standby" });
        Assert.Contains("Skriv en kort opsamling.", noSummary.Text);
        var closed = await tobias.SubmitAsync(closePage.Document, "form[action*='handler=Close']", new Dictionary<string, string> { ["Outcome"] = "Standby", ["Summary"] = "Vi venter på byrådet." });
        Assert.Contains("forslaget er sendt til platformens medlemmer", closed.Text);

        var proposal = await factory.WithDbAsync(db => db.ChangeProposals.Include(p => p.Responses).SingleAsync(p => p.PlatformId == platforms[0]));
        Assert.Equal(ProposalKind.Standby, proposal.Kind);
        Assert.Equal(ProposalStatus.Open, proposal.Status);
        Assert.StartsWith("realitetstjek", proposal.Source, StringComparison.Ordinal);
        Assert.Equal(PlatformStatus.Active, await factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == platforms[0]).Select(p => p.Status).SingleAsync()));

        // The other member agrees on the platform page: consent, and the platform goes on standby.
        var platformPage = await aisha.GetAsync($"/platforme/{platforms[0]}");
        var agreed = await aisha.SubmitAsync(platformPage.Document, "form[action*='handler=Respond']", submitName: "agrees=true");
        Assert.Contains("forslaget er vedtaget og gennemført", agreed.Text);
        Assert.Equal(PlatformStatus.Standby, await factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == platforms[0]).Select(p => p.Status).SingleAsync()));

        var late = await aisha.PostRawAsync(checkUrl + "?handler=Answer", new Dictionary<string, string>
        {
            ["GoalProgress"] = "for sent",
            ["__RequestVerificationToken"] = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        Assert.Contains("Realitetstjekket er afsluttet.", late.Text);
    }

    [Fact]
    public async Task ActorOutsidePlatform_CannotStartOrAnswer()
    {
        var light = await factory.PlatformIdAsync("Lys og stier");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var list = await tobias.GetAsync($"/platforme/{light}/realitetstjek");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Null(list.Document.QuerySelector("main form"));
        var checkId = await factory.WithDbAsync(db => db.RealityChecks.Where(c => c.PlatformId == light).Select(c => c.Id).FirstAsync());
        var check = await tobias.GetAsync($"/realitetstjek/{checkId}");
        Assert.Null(check.Document.QuerySelector("form[action*='handler=Answer']"));
    }

    [Fact]
    public async Task Radar_FlagsTheStagnatingDemoPlatform_AndTheApiAgrees()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var dashboard = await anne.GetAsync($"/initiativer/{id}/dashboard");
        var radar = dashboard.Document.QuerySelector("#radar + p + table, #radar ~ div table")!.TextContent;
        Assert.Contains("Erhverv og tryghed: intet realitetstjek i", radar);
        Assert.Contains("Erhverv og tryghed: målet \"Personalet oplever de unge som kunder, ikke som et problem\" mangler baseline.", radar);
        Assert.DoesNotContain("Unge og fællesarealer: intet møde", radar);

        var api = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/radar");
        Assert.Contains(api.EnumerateArray(), f => f.GetProperty("signal").GetString() == "GoalWithoutBaseline");
        Assert.Contains(api.EnumerateArray(), f => f.GetProperty("signal").GetString() == "NoRealityCheck" && f.GetProperty("platform").GetString() == "Erhverv og tryghed");

        var checks = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/platforms/{await factory.PlatformIdAsync("Unge og fællesarealer")}/reality-checks");
        Assert.Equal(2, checks.GetArrayLength());

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.Http.GetAsync($"/api/v1/initiatives/{id}/radar")).StatusCode);
    }

    [Fact]
    public async Task Radar_NamesEveryoneWhoMissedTheLastThreeMeetings_InOneFlagPerPlatform()
    {
        var (id, platforms) = await factory.InitiativeWithPlatformsAsync("Fravær på radaren", "Fraværsplatformen");
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var extra = Enumerable.Range(1, 6).Select(n => new Samskab.Web.Features.Actors.Person { Name = $"Fraværende {n}", CreatedAt = now }).ToList();
            foreach (var person in extra)
            {
                db.InitiativeMembers.Add(new Samskab.Web.Features.Initiatives.InitiativeMember { InitiativeId = id, Person = person, AddedAt = now });
                db.PlatformMembers.Add(new Samskab.Web.Features.Platforms.PlatformMember { PlatformId = platforms[0], Person = person, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime) });
            }
            await db.SaveChangesAsync();
            var memberIds = await db.PlatformMembers.Where(m => m.PlatformId == platforms[0]).Select(m => new { m.PersonId, m.Person!.Email }).ToListAsync();
            for (var k = 1; k <= 3; k++)
            {
                var meeting = new Samskab.Web.Features.Meetings.Meeting
                {
                    InitiativeId = id,
                    PlatformId = platforms[0],
                    Type = Samskab.Web.Features.Meetings.MeetingType.PlatformMeeting,
                    Title = $"Møde {k}",
                    StartsAt = now.AddDays(-7 * k),
                    EndsAt = now.AddDays(-7 * k).AddHours(2),
                    CalendarUid = Guid.NewGuid().ToString("N"),
                    CreatedAt = now.AddDays(-30),
                };
                foreach (var m in memberIds)
                {
                    // Tobias came to one of them; everybody else came to none.
                    meeting.Invitations.Add(new Samskab.Web.Features.Meetings.Invitation { PersonId = m.PersonId, Attended = m.Email == "tovholder@demo.samskab.dk" && k == 2 });
                }
                db.Meetings.Add(meeting);
            }
            return await db.SaveChangesAsync();
        });

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var api = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/radar");
        var absent = Assert.Single(api.EnumerateArray(), f => f.GetProperty("signal").GetString() == "MemberAbsent");
        Assert.Equal("Fraværsplatformen: Aisha Aktør, Fraværende 1, Fraværende 2, Fraværende 3, Fraværende 4 og 2 andre har ikke deltaget i nogen af de seneste 3 møder.",
            absent.GetProperty("text").GetString());
        Assert.DoesNotContain("Tobias", absent.GetProperty("text").GetString(), StringComparison.Ordinal);
        var dashboard = await anne.GetAsync($"/initiativer/{id}/dashboard");
        Assert.Contains("og 2 andre har ikke deltaget i nogen af de seneste 3 møder.", dashboard.Text);
    }

    [Fact]
    public async Task RadarSettings_AreValidatedAndSaved()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Radarindstillinger", "R");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var dashboard = await anne.GetAsync($"/initiativer/{id}/dashboard");
        var bad = await anne.SubmitAsync(dashboard.Document, "form[action*='handler=RadarSettings']", new Dictionary<string, string> { ["StagnationWeeks"] = "0", ["RealityCheckIntervalWeeks"] = "12" });
        Assert.Contains("Vælg mellem 2 og 52 uger.", bad.Text);
        await anne.SubmitAsync(dashboard.Document, "form[action*='handler=RadarSettings']", new Dictionary<string, string> { ["StagnationWeeks"] = "4", ["RealityCheckIntervalWeeks"] = "6" });
        var saved = await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => new { i.StagnationWeeks, i.RealityCheckIntervalWeeks }).SingleAsync());
        Assert.Equal(4, saved.StagnationWeeks);
        Assert.Equal(6, saved.RealityCheckIntervalWeeks);
    }
}
