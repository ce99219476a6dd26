using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.Tests.Features.Participation;

public class ModerationAndAnswerTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Reports_AtTheThreshold_HideTheIdea_TheModeratorRestoresOrHides_AndTheAuthorSeesTheReason()
    {
        var campaign = await factory.CampaignAsync("Anmeldelser", reportThreshold: 2);
        var (author, authorToken) = await factory.ParticipantAsync("Lone");
        var idea = await factory.IdeaAsync(campaign, author, "Ring til Ole på 12345678");
        foreach (var name in new[] { "M1", "M2" })
        {
            var (_, token) = await factory.ParticipantAsync(name);
            using var reporter = factory.ParticipantClient(token);
            var page = await reporter.GetAsync($"/ideer/{idea}");
            var empty = await reporter.SubmitAsync(page.Document, "form[action*='handler=Report']", new Dictionary<string, string> { ["Report.Reason"] = "" });
            Assert.Contains("Skriv, hvad der er galt.", empty.Text);
            var reported = await reporter.SubmitAsync(page.Document, "form[action*='handler=Report']", new Dictionary<string, string> { ["Report.Reason"] = "Telefonnummer" });
            Assert.Contains("Tak. En moderator ser på din anmeldelse.", reported.Text);
            // A second report by the same person does not count twice.
            await reporter.SubmitAsync(page.Document, "form[action*='handler=Report']", new Dictionary<string, string> { ["Report.Reason"] = "Igen" });
        }
        using var visitor = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/ideer/{idea}")).Status);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.ReportCount).SingleAsync()));

        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var board = await manager.GetAsync($"/indsamlinger/{campaign}");
        Assert.Contains("Moderering (1 venter)", board.Text);
        var queue = await manager.GetAsync($"/indsamlinger/{campaign}/moderering");
        Assert.Contains("Ring til Ole", queue.Text);
        Assert.Contains("Telefonnummer", queue.Text);
        var noReason = await manager.SubmitAsync(queue.Document, $"#ide-{idea} form", null, "Decision.Kind=EditOut");
        Assert.Contains("Skriv en begrundelse", noReason.Text);
        var edited = await manager.SubmitAsync(queue.Document, $"#ide-{idea} form", new Dictionary<string, string>
        {
            ["Decision.Title"] = "Ring til Ole",
            ["Decision.Text"] = "Telefonnummer fjernet.",
            ["Decision.Reason"] = "Vi har fjernet et telefonnummer.",
        }, "Decision.Kind=EditOut");
        Assert.Contains("Persondata fjernet", edited.Text);
        var restored = await manager.SubmitAsync((await manager.GetAsync($"/indsamlinger/{campaign}/moderering")).Document, $"#ide-{idea} form",
            new Dictionary<string, string> { ["Decision.Reason"] = "" }, "Decision.Kind=Restore");
        Assert.Contains("Gendannet", restored.Text);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/ideer/{idea}")).Status);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => c.IdeaCount).SingleAsync()));

        using var lone = factory.ParticipantClient(authorToken);
        var mine = await lone.GetAsync("/deltag/mine");
        Assert.Contains("Vi har fjernet et telefonnummer.", (await lone.GetAsync($"/ideer/{idea}")).Text);
        Assert.Equal(3, await factory.WithDbAsync(db => db.ModerationActions.CountAsync(a => a.IdeaId == idea)));
        _ = mine;

        // Nobody else moderates: a participant, an actor of the initiative.
        using var actor = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync($"/indsamlinger/{campaign}/moderering")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.PostRawAsync($"/indsamlinger/{campaign}/moderering", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await actor.GetAsync("/deltag")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Decision.IdeaId"] = idea.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Decision.Kind"] = "Hide",
            ["Decision.Reason"] = "x",
        })).Status);
    }

    [Fact]
    public async Task BeforePublication_OnlyTheAuthorSeesIt_UntilTheModeratorApproves()
    {
        var campaign = await factory.CampaignAsync("Forhånd", ModerationMode.BeforePublication);
        var (_, token) = await factory.ParticipantAsync("Mads");
        using var mads = factory.ParticipantClient(token);
        var form = await mads.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        Assert.Contains("En moderator læser idéerne", form.Text);
        var posted = await mads.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Skøjtebane", ["Input.Text"] = "Om vinteren." });
        Assert.Contains("når en moderator har godkendt den", posted.Text);
        var ideaPath = posted.Response.RequestMessage!.RequestUri!.AbsolutePath;
        using var visitor = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(ideaPath)).Status);
        Assert.DoesNotContain("Skøjtebane", (await visitor.GetAsync($"/indsamlinger/{campaign}")).Text);
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var queue = await manager.GetAsync($"/indsamlinger/{campaign}/moderering");
        var id = ideaPath.Split('/')[^1];
        var approved = await manager.SubmitAsync(queue.Document, $"#ide-{id} form", null, "Decision.Kind=Approve");
        Assert.Contains("Godkendt", approved.Text);
        Assert.Contains("Skøjtebane", (await visitor.GetAsync($"/indsamlinger/{campaign}")).Text);
    }

    [Fact]
    public async Task Answer_TakenUpByAPlatform_PutsItOnTheAgenda_AndFollowersGetAMail_WithOneClickUnsubscribe()
    {
        var initiative = await factory.DemoInitiativeIdAsync();
        var light = await factory.PlatformIdAsync("Lys og stier");
        var campaign = await factory.CampaignAsync("Svar", initiativeId: initiative);
        var (author, _) = await factory.ParticipantAsync("Nora", "nora@eksempel.dk");
        var idea = await factory.IdeaAsync(campaign, author, "Lys ved tunnelen");
        var (_, followerToken) = await factory.ParticipantAsync("Otto", "otto@eksempel.dk");
        using var otto = factory.ParticipantClient(followerToken);
        var page = await otto.GetAsync($"/ideer/{idea}");
        var followed = await otto.SubmitAsync(page.Document, "form[action*='handler=Follow']");
        Assert.Contains("Du følger nu idéen", followed.Text);
        // A meeting of the platform in the future to put the idea on.
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var m = new Samskab.Web.Features.Meetings.Meeting
            {
                InitiativeId = initiative,
                PlatformId = light,
                Type = Samskab.Web.Features.Meetings.MeetingType.PlatformMeeting,
                Title = "Næste lysmøde",
                StartsAt = DateTimeOffset.UtcNow.AddDays(3),
                EndsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
                CalendarUid = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var ideaPage = await manager.GetAsync($"/ideer/{idea}");
        var noReason = await manager.SubmitAsync(ideaPage.Document, "form[action*='handler=Answer']", new Dictionary<string, string> { ["Answer.Status"] = "NotPossible", ["Answer.Text"] = "" });
        Assert.Contains("Skriv, hvorfor idéen ikke er mulig.", noReason.Text);
        var answered = await manager.SubmitAsync(ideaPage.Document, "form[action*='handler=Answer']", new Dictionary<string, string>
        {
            ["Answer.Status"] = "TakenUp",
            ["Answer.Text"] = "Platformen tager den op.",
            ["Answer.PlatformId"] = light.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answer.AddToAgenda"] = "true",
        });
        Assert.Contains("sat på dagsordenen", answered.Text);
        Assert.Contains("Lys og stier", answered.Text);
        Assert.True(await factory.WithDbAsync(db => db.AgendaItems.AnyAsync(a => a.MeetingId == meetingId && a.Title.Contains("Lys ved tunnelen"))));

        foreach (var address in new[] { "nora@eksempel.dk", "otto@eksempel.dk" })
        {
            var mail = Assert.Single(await factory.ToAsync(address));
            Assert.Contains("Taget op", mail.TextBody);
            Assert.Contains("Platformen tager den op.", mail.TextBody);
        }
        var unsubscribe = Outbox.LinkIn((await factory.ToAsync("otto@eksempel.dk"))[0].TextBody, "/deltag/afmeld/");
        using var fromMail = factory.CreateAppClient();
        Assert.Contains("Du får ikke flere mails om idéen", (await fromMail.GetAsync(unsubscribe)).Text);
        var second = await manager.SubmitAsync((await manager.GetAsync($"/ideer/{idea}")).Document, "form[action*='handler=Answer']",
            new Dictionary<string, string> { ["Answer.Status"] = "Realised", ["Answer.Text"] = "Lyset er sat op." });
        Assert.Contains("Gennemført", second.Text);
        Assert.Single(await factory.ToAsync("otto@eksempel.dk"));
        Assert.Equal(2, (await factory.ToAsync("nora@eksempel.dk")).Count);
        var history = (await fromMail.GetAsync($"/ideer/{idea}")).Document.QuerySelectorAll("ol.answer-history li");
        Assert.Equal(2, history.Length);
    }

    [Fact]
    public async Task Answer_IdsFromAnotherScope_AreRefused_AndOnlyManagersAnswer()
    {
        var campaign = await factory.CampaignAsync("Omfang", initiativeId: await factory.DemoInitiativeIdAsync());
        var other = await factory.CampaignAsync("Andet omfang");
        var (a, _) = await factory.ParticipantAsync("Per");
        var idea = await factory.IdeaAsync(campaign, a, "Idé i den ene");
        var foreign = await factory.IdeaAsync(other, a, "Idé i den anden");
        var (_, otherInitiativePlatforms) = await factory.InitiativeWithPlatformsAsync("Fremmed initiativ", "Fremmed platform");
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var page = await manager.GetAsync($"/ideer/{idea}");
        var wrongPlatform = await manager.SubmitAsync(page.Document, "form[action*='handler=Answer']", new Dictionary<string, string>
        {
            ["Answer.Status"] = "TakenUp",
            ["Answer.PlatformId"] = otherInitiativePlatforms[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("Vælg en af initiativets udviklingsplatforme.", wrongPlatform.Text);
        var wrongMerge = await manager.SubmitAsync(page.Document, "form[action*='handler=Answer']", new Dictionary<string, string>
        {
            ["Answer.Status"] = "Merged",
            ["Answer.MergedIntoId"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("Skriv nummeret på en anden idé i samme indsamling.", wrongMerge.Text);
        Assert.Equal(IdeaStatus.New, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.Status).SingleAsync()));

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        // The anchor person of the initiative the campaign feeds may answer; the demo actor may not.
        Assert.NotNull((await anne.GetAsync($"/ideer/{idea}")).Document.QuerySelector("form[action*='handler=Answer']"));
        using var actor = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var actorPage = await actor.GetAsync($"/ideer/{idea}");
        Assert.Null(actorPage.Document.QuerySelector("form[action*='handler=Answer']"));
        var token = actorPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await actor.PostRawAsync($"/ideer/{idea}?handler=Answer", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Answer.Status"] = "Seen" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task Campaign_CreatedByAManager_Through_TheForm_OthersCannotCreateOrEdit()
    {
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var list = await manager.GetAsync("/deltag");
        Assert.NotNull(list.Document.QuerySelector("a[href='/indsamlinger/ny']"));
        var form = await manager.GetAsync("/indsamlinger/ny");
        var bad = await manager.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Theme"] = "", ["Input.ClosesOn"] = "2020-01-01" });
        Assert.Contains("Skriv temaet.", bad.Text);
        Assert.Contains("kan ikke lukke, før den åbner", bad.Text);
        var created = await manager.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Legepladser",
            ["Input.Question"] = "Hvad mangler?",
            ["Input.OrganisationName"] = "Engby Kommune",
            ["Input.Moderation"] = "BeforePublication",
        });
        Assert.Contains("Indsamlingen er oprettet.", created.Text);
        var id = created.Response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1];
        using var actor = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync("/indsamlinger/ny")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync($"/indsamlinger/{id}/rediger")).Status);
        Assert.Null((await actor.GetAsync("/deltag")).Document.QuerySelector("a[href='/indsamlinger/ny']"));
        // An initiative the manager is not part of cannot be chosen.
        var (foreignInitiative, _) = await factory.InitiativeWithPlatformsAsync("Ikke mit initiativ");
        var edit = await manager.GetAsync($"/indsamlinger/{id}/rediger");
        var refused = await manager.SubmitAsync(edit.Document, "main form", new Dictionary<string, string> { ["Input.InitiativeId"] = foreignInitiative.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Vælg et af de initiativer, du er med i.", refused.Text);
    }

    [Fact]
    public async Task Administrator_GivesTheCampaignManagerRole_OnTheUserList()
    {
        var email = await factory.AccountForAsync("Peter Dahl");
        using var peter = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await peter.GetAsync("/indsamlinger/ny")).Status);
        using var admin = await factory.SignedInAsync("admin@demo.samskab.dk");
        var users = await admin.GetAsync("/admin/brugere?q=Peter%20Dahl");
        var granted = await admin.SubmitAsync(users.Document, "form[action*='handler=CampaignManager']");
        Assert.Contains("kan nu oprette indsamlinger", granted.Text);
        using var again = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/indsamlinger/ny")).Status);
    }
}
