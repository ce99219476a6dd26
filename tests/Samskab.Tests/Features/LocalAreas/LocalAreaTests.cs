using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.LocalAreas;
using Xunit;

namespace Samskab.Tests.Features.LocalAreas;

/// <summary>Local areas, their bridge builders, and requests from the community tracked to the end.</summary>
public class LocalAreaTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACitizen_FindsTheirArea_ByTheNameOfTheirVillage_FromTheFrontPage()
    {
        var area = await factory.AreaAsync("Vestegnen " + Guid.NewGuid().ToString("N")[..6], "Østerby\nLille Mølleby", GivenLocalAreas.BridgeBuilderEmail);
        using var visitor = factory.CreateAppClient();
        var front = await visitor.GetAsync("/");
        var found = await visitor.SubmitAsync(front.Document, "form[action='/lokalomraader']", new Dictionary<string, string> { ["q"] = "ØSTERBY" });
        var card = found.Document.QuerySelectorAll(".campaign-card").Single(c => c.QuerySelector($"a[href='/lokalomraader/{area}']") is not null);
        Assert.Contains("Østerby hører til", card.TextContent);
        var none = await visitor.GetAsync("/lokalomraader?q=" + Uri.EscapeDataString("Atlantis"));
        Assert.Contains("Vi fandt ikke noget område med det navn.", none.Text);
        // Hostile input is only a search that finds nothing.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/lokalomraader?q=" + Uri.EscapeDataString(new string('x', 5000) + "<script>"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/lokalomraader/{area}?tilstand=hax&efter=abc")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/lokalomraader/999999")).Status);
    }

    [Fact]
    public async Task ARequest_GoesThroughTheStates_WithAnAnswerEachTime_AndAMessageEachWay_AndBothSidesGetMail()
    {
        var area = await factory.AreaAsync("Mosebakken " + Guid.NewGuid().ToString("N")[..6], "Mosebakken", GivenLocalAreas.BridgeBuilderEmail);
        var email = $"{Guid.NewGuid():N}@borger.dk";
        var (_, token) = await factory.ParticipantAsync("Karin", email);
        using var karin = factory.ParticipantClient(token);
        var form = await karin.GetAsync($"/lokalomraader/{area}/henvendelse");
        Assert.Contains("Kommunen lover et første svar senest", form.Text);
        var empty = await karin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Text"] = "Vi står selv for oprydning." });
        Assert.Contains("Skriv kort, hvad I gerne vil.", empty.Text);
        Assert.Contains("Vælg hvad henvendelsen handler om.", empty.Text);
        Assert.Equal("Vi står selv for oprydning.", empty.Document.QuerySelector("#Input_Text")!.TextContent);
        var hostile = await karin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Høstfest", ["Input.Text"] = "Tekst", ["Input.Category"] = "999" });
        Assert.Contains("Værdien '999' er ikke gyldig.", hostile.Text);
        var sent = await karin.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "låne gymnastiksalen til høstfesten",
            ["Input.Text"] = "Høstfesten er vokset ud af forsamlingshuset.",
            ["Input.Category"] = "Premises",
            ["Input.OnBehalfOf"] = "Mosebakkens Lokalråd",
        });
        Assert.Contains("Tak! Henvendelsen er sendt til områdets brobygger.", sent.Text);
        var id = await factory.WithDbAsync(db => db.AreaRequests.Where(r => r.AreaId == area).Select(r => r.Id).SingleAsync());
        Assert.Contains("Karin (Mosebakkens Lokalråd)", sent.Text);
        // The citizen does not see addresses, and there are no forms for the municipality's work.
        Assert.DoesNotContain(email, sent.Body);
        Assert.Null(sent.Document.QuerySelector("form[action*='handler=State']"));
        var toBridge = await factory.ToAsync(GivenLocalAreas.BridgeBuilderEmail);
        Assert.Contains(toBridge, m => m.Subject.Contains("låne gymnastiksalen til høstfesten", StringComparison.Ordinal) && m.Subject.StartsWith("Ny henvendelse", StringComparison.Ordinal));

        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        var page = await bo.GetAsync($"/henvendelser/{id}");
        Assert.Contains(email, page.Text);
        var noAnswer = await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "InDialogue", ["Move.Answer"] = "" });
        Assert.Contains("Skriv et svar til lokalsamfundet", noAnswer.Text);
        var noDepartment = await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "PassedOn", ["Move.Answer"] = "Sendt videre." });
        Assert.Contains("Skriv hvilken afdeling henvendelsen er sendt videre til.", noDepartment.Text);
        Assert.Equal("Sendt videre.", noDepartment.Document.QuerySelector("#Move_Answer")!.TextContent);
        var past = await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "Planned", ["Move.Answer"] = "Planlagt.", ["Move.ExpectedOn"] = "2020-01-01" });
        Assert.Contains("Den forventede dato må ikke ligge før i dag.", past.Text);
        var received = await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "Received", ["Move.Answer"] = "x" });
        Assert.Contains("Vælg den nye tilstand.", received.Text);
        Assert.Equal(RequestState.Received, (await factory.RequestAsync(id)).State);

        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "InDialogue", ["Move.Answer"] = "Hvilken lørdag tænker I på?" });
        var afterDialogue = await factory.RequestAsync(id);
        Assert.Equal(RequestState.InDialogue, afterDialogue.State);
        Assert.NotNull(afterDialogue.FirstAnsweredAt);
        var toKarin = await factory.ToAsync(email);
        Assert.Contains(toKarin, m => m.Subject == "Nyt om din henvendelse \"låne gymnastiksalen til høstfesten\"" && m.TextBody.Contains("Hvilken lørdag tænker I på?", StringComparison.Ordinal));

        var mine = await karin.GetAsync($"/henvendelser/{id}");
        var emptyMessage = await karin.SubmitAsync(mine.Document, "form[action*='handler=Message']", new Dictionary<string, string> { ["Message.Text"] = "" });
        Assert.Contains("Skriv en besked.", emptyMessage.Text);
        await karin.SubmitAsync(mine.Document, "form[action*='handler=Message']", new Dictionary<string, string> { ["Message.Text"] = "Den 12. september, hvis det kan lade sig gøre." });
        Assert.Contains(await factory.ToAsync(GivenLocalAreas.BridgeBuilderEmail), m => m.TextBody.Contains("Den 12. september", StringComparison.Ordinal));

        page = await bo.GetAsync($"/henvendelser/{id}");
        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string>
        {
            ["Move.State"] = "PassedOn",
            ["Move.Answer"] = "Skolen skal sige ja.",
            ["Move.Department"] = "Ejendomme",
            ["Move.DepartmentContact"] = "Susanne Lund",
        });
        var expected = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string>
        {
            ["Move.State"] = "Planned",
            ["Move.Answer"] = "I får salen.",
            ["Move.ExpectedOn"] = expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var planned = await factory.RequestAsync(id);
        Assert.Equal((RequestState.Planned, "Ejendomme", expected), (planned.State, planned.Department, planned.ExpectedOn!.Value));
        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "Done", ["Move.Answer"] = "God fest!" });
        Assert.Equal(RequestState.Done, (await factory.RequestAsync(id)).State);

        // Everyone sees the history with every public answer.
        using var visitor = factory.CreateAppClient();
        var history = await visitor.GetAsync($"/henvendelser/{id}");
        foreach (var answer in new[] { "Hvilken lørdag tænker I på?", "Skolen skal sige ja.", "I får salen.", "God fest!", "Den 12. september" })
        {
            Assert.Contains(answer, history.Text);
        }
        Assert.DoesNotContain(email, history.Body);
        Assert.Null(history.Document.QuerySelector("form[action*='handler=Message']"));
        // One mail for each new state: in dialogue, passed on, planned, done.
        Assert.Equal(4, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task TheCommunity_ReopensAClosedRequest_Within30Days_WithAReason_AndNotOtherwise()
    {
        var area = await factory.AreaAsync("Åkanten " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.BridgeBuilderEmail);
        var (karinId, token) = await factory.ParticipantAsync("Karin");
        var (_, otherToken) = await factory.ParticipantAsync("Ole");
        var id = await SendAsync(area, karinId, "en bænk ved gadekæret");
        using var karin = factory.ParticipantClient(token);
        var open = await karin.GetAsync($"/henvendelser/{id}");
        Assert.Null(open.Document.QuerySelector("form[action*='handler=Reopen']"));
        var notClosed = await karin.PostRawAsync($"/henvendelser/{id}?handler=Reopen", new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(open), ["Reopen.Reason"] = "Vi vil" });
        Assert.Contains("Henvendelsen er ikke lukket, så den kan ikke genåbnes.", notClosed.Text);

        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        var page = await bo.GetAsync($"/henvendelser/{id}");
        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "ClosedNotDone", ["Move.Answer"] = "Arealet er privat." });
        var closed = await factory.RequestAsync(id);
        Assert.Equal(RequestState.ClosedNotDone, closed.State);
        Assert.NotNull(closed.ClosedAt);

        // Someone else may neither reopen nor write in the thread.
        using var ole = factory.ParticipantClient(otherToken);
        var seen = await ole.GetAsync($"/henvendelser/{id}");
        Assert.Null(seen.Document.QuerySelector("form[action*='handler=Reopen']"));
        Assert.Null(seen.Document.QuerySelector("form[action*='handler=Message']"));
        seen = await ole.GetAsync($"/lokalomraader/{area}");
        Assert.Equal(HttpStatusCode.Forbidden, (await ole.PostRawAsync($"/henvendelser/{id}?handler=Reopen", new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(seen), ["Reopen.Reason"] = "Nej" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ole.PostRawAsync($"/henvendelser/{id}?handler=Message", new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(seen), ["Message.Text"] = "Hej" })).Status);

        var mine = await karin.GetAsync($"/henvendelser/{id}");
        var noReason = await karin.SubmitAsync(mine.Document, "form[action*='handler=Reopen']", new Dictionary<string, string> { ["Reopen.Reason"] = "" });
        Assert.Contains("Skriv hvorfor I genåbner henvendelsen.", noReason.Text);
        await karin.SubmitAsync(mine.Document, "form[action*='handler=Reopen']", new Dictionary<string, string> { ["Reopen.Reason"] = "Ejeren vil gerne nu." });
        var reopened = await factory.RequestAsync(id);
        Assert.Equal((RequestState.Received, 1, (DateTimeOffset?)null, (DateTimeOffset?)null), (reopened.State, reopened.ReopenCount, reopened.ClosedAt, reopened.FirstAnsweredAt));
        Assert.Contains(await factory.ToAsync(GivenLocalAreas.BridgeBuilderEmail), m => m.TextBody.Contains("Ejeren vil gerne nu.", StringComparison.Ordinal));
        Assert.Contains("Ejeren vil gerne nu.", (await factory.CreateAppClient().GetAsync($"/henvendelser/{id}")).Text);

        // Closed 31 days ago: too late.
        await bo.SubmitAsync((await bo.GetAsync($"/henvendelser/{id}")).Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "Done", ["Move.Answer"] = "Bænken står der." });
        await factory.WithDbAsync(db => db.AreaRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, DateTimeOffset.UtcNow.AddDays(-31))));
        var late = await karin.GetAsync($"/henvendelser/{id}");
        Assert.Null(late.Document.QuerySelector("form[action*='handler=Reopen']"));
        Assert.Contains("Fristen for at genåbne henvendelsen var", late.Text);
        var refused = await karin.PostRawAsync($"/henvendelser/{id}?handler=Reopen", new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(late), ["Reopen.Reason"] = "Igen" });
        Assert.Contains("Henvendelsen blev lukket for mere end 30 dage siden", refused.Text);
        Assert.Equal(RequestState.Done, (await factory.RequestAsync(id)).State);
    }

    [Fact]
    public async Task OnlyTheAreasBridgeBuilders_MoveItsRequests_AndAHandOverGoesToAColleagueOfTheArea()
    {
        var area = await factory.AreaAsync("Bakkedal " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.BridgeBuilderEmail, GivenLocalAreas.SecondBridgeBuilderEmail);
        var elsewhere = await factory.AreaAsync("Dalbakke " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.SecondBridgeBuilderEmail);
        var (karinId, token) = await factory.ParticipantAsync("Karin");
        var id = await SendAsync(area, karinId, "lys på stien");
        var foreign = await SendAsync(elsewhere, karinId, "en cykelsti");
        Assert.Equal(GivenLocalAreas.BridgeBuilderEmail, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == db.AreaRequests.Single(r => r.Id == id).OwnerUserId).Select(u => u.Email).SingleAsync()));

        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        var page = await bo.GetAsync($"/henvendelser/{id}");
        // Bo is not the other area's bridge builder: its request is not his to move.
        var other = await bo.GetAsync($"/henvendelser/{foreign}");
        Assert.Null(other.Document.QuerySelector("form[action*='handler=State']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PostRawAsync($"/henvendelser/{foreign}?handler=State",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page), ["Move.State"] = "Done", ["Move.Answer"] = "Gjort" })).Status);
        Assert.Equal(RequestState.Received, (await factory.RequestAsync(foreign)).State);
        // A citizen cannot either, not even the one who sent it: it is staff's work (the sign-in page).
        using var karin = factory.ParticipantClient(token);
        var mine = await karin.GetAsync($"/henvendelser/{id}");
        var refused = await karin.PostRawAsync($"/henvendelser/{id}?handler=State",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(mine), ["Move.State"] = "Done", ["Move.Answer"] = "Gjort" });
        Assert.Contains("/konto/log-ind", refused.Location);
        Assert.Equal(RequestState.Received, (await factory.RequestAsync(id)).State);

        var wrong = await bo.PostRawAsync($"/henvendelser/{id}?handler=HandOver", new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page), ["HandOver.ToUserId"] = "ikke-en-bruger" });
        Assert.Contains("Vælg en af områdets brobyggere.", wrong.Text);
        var handed = await bo.SubmitAsync(page.Document, "form[action*='handler=HandOver']", new Dictionary<string, string>
        {
            ["HandOver.ToUserId"] = page.Document.QuerySelector("#HandOver_ToUserId option[value]:not([value=''])")!.GetAttribute("value")!,
            ["HandOver.Note"] = "Det handler om en sti.",
        });
        Assert.Contains("Henvendelsen er givet videre til Birgit Brobygger", handed.Text);
        Assert.Contains(await factory.ToAsync(GivenLocalAreas.SecondBridgeBuilderEmail), m => m.TextBody.Contains("Det handler om en sti.", StringComparison.Ordinal));
        // The note is for staff: the community sees neither it nor the hand-over.
        var seen = await karin.GetAsync($"/henvendelser/{id}");
        Assert.DoesNotContain("Det handler om en sti.", seen.Text);
        // Now a message from the community goes to Birgit, not to Bo.
        await karin.SubmitAsync(seen.Document, "form[action*='handler=Message']", new Dictionary<string, string> { ["Message.Text"] = "Hvornår kommer lyset?" });
        Assert.Contains(await factory.ToAsync(GivenLocalAreas.SecondBridgeBuilderEmail), m => m.TextBody.Contains("Hvornår kommer lyset?", StringComparison.Ordinal));
        Assert.DoesNotContain(await factory.ToAsync(GivenLocalAreas.BridgeBuilderEmail), m => m.TextBody.Contains("Hvornår kommer lyset?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOverdueRequest_IsFlagged_OnTheAreaPage_AndOnTheDesk_AndTheWeeklyDigestIsSentOnce()
    {
        var area = await factory.AreaAsync("Fristrup " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.BridgeBuilderEmail);
        var (karinId, _) = await factory.ParticipantAsync("Karin");
        var late = await SendAsync(area, karinId, "renovere legepladsen");
        var fresh = await SendAsync(area, karinId, "plante frugttræer");
        await factory.WithDbAsync(db => db.AreaRequests.Where(r => r.Id == late).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddDays(-20)).SetProperty(r => r.AnswerDueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5))));
        // The promise counts working days: a request sent on a Friday before Easter is due after the holidays.
        Assert.Equal(new DateOnly(2027, 4, 12), AreaRules.AnswerDue(new DateOnly(2027, 3, 26), 10));

        using var visitor = factory.CreateAppClient();
        var areaPage = await visitor.GetAsync($"/lokalomraader/{area}");
        var lateCard = areaPage.Document.QuerySelectorAll(".request-list li").Single(li => li.QuerySelector($"a[href='/henvendelser/{late}']") is not null);
        Assert.Contains("Svarfristen er overskredet", lateCard.TextContent);
        var freshCard = areaPage.Document.QuerySelectorAll(".request-list li").Single(li => li.QuerySelector($"a[href='/henvendelser/{fresh}']") is not null);
        Assert.DoesNotContain("Svarfristen er overskredet", freshCard.TextContent);

        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        var desk = await bo.GetAsync("/broebygger");
        var overdue = desk.Document.QuerySelectorAll("h2").Single(h => h.TextContent == "Over fristen for første svar").NextElementSibling!;
        Assert.NotNull(overdue.QuerySelector($"a[href='/henvendelser/{late}']"));
        Assert.Null(overdue.QuerySelector($"a[href='/henvendelser/{fresh}']"));
        // Only bridge builders have a desk.
        using var actor = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await actor.GetAsync("/broebygger")).Status);

        await using var scope = factory.Services.CreateAsyncScope();
        var digest = scope.ServiceProvider.GetRequiredService<AreaDigest>();
        await digest.SendBridgeBuilderDigestsAsync();
        await digest.SendBridgeBuilderDigestsAsync();
        var digests = (await factory.ToAsync(GivenLocalAreas.BridgeBuilderEmail)).Where(m => m.Category == "BridgeBuilderDigest").ToList();
        Assert.Single(digests);
        Assert.Contains("har overskredet fristen for første svar", digests[0].TextBody);
    }

    [Fact]
    public async Task StaffAskAnAreaForInput_TheForumAndTheFollowersGetMail_AndAFollowerGetsTheDigestOfNewRequests()
    {
        var area = await factory.AreaAsync("Kildebro " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.BridgeBuilderEmail);
        var forum = $"{Guid.NewGuid():N}@lokalraad.dk";
        await factory.WithDbAsync(db => db.LocalAreas.Where(a => a.Id == area).ExecuteUpdateAsync(s => s.SetProperty(a => a.ForumEmail, forum)));
        var followerEmail = $"{Guid.NewGuid():N}@borger.dk";
        var (_, token) = await factory.ParticipantAsync("Signe", followerEmail);
        using var signe = factory.ParticipantClient(token);
        var areaPage = await signe.GetAsync($"/lokalomraader/{area}");
        var followed = await signe.SubmitAsync(areaPage.Document, "form[action*='handler=Follow']");
        Assert.Contains("Du følger nu lokalområdet", followed.Text);

        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var form = await manager.GetAsync("/indsamlinger/ny");
        var created = await manager.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Kildebros gamle mejeri",
            ["Input.Question"] = "Hvad skal mejeriet bruges til?",
            ["Input.OrganisationName"] = "Engby Kommune",
            ["Input.LocalAreaId"] = S(area),
        });
        Assert.Contains("2 modtagere i lokalområdet har fået besked.", created.Text);
        Assert.Contains(await factory.ToAsync(followerEmail), m => m.Category == "AreaCampaign" && m.TextBody.Contains("Kildebros gamle mejeri", StringComparison.Ordinal));
        Assert.Contains(await factory.ToAsync(forum), m => m.Category == "AreaCampaign");
        Assert.Contains("Kildebros gamle mejeri", (await signe.GetAsync($"/lokalomraader/{area}")).Text);

        // A new request reaches the follower in the digest; the one-click link in it ends the mails.
        var (karinId, _) = await factory.ParticipantAsync("Karin");
        await SendAsync(area, karinId, "holde sankthans på stranden");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AreaDigest>().SendFollowerDigestsAsync();
        }
        var mail = Assert.Single(await factory.ToAsync(followerEmail), m => m.Category == "AreaDigest");
        Assert.Contains("holde sankthans på stranden", mail.TextBody);
        var link = await factory.LatestLinkAsync(followerEmail, "/lokalomraader/afmeld/");
        Assert.Contains("Du får ikke flere mails om", (await factory.CreateAppClient().GetAsync(link)).Text);
        Assert.False(await factory.WithDbAsync(db => db.AreaFollowers.AnyAsync(f => f.AreaId == area)));
    }

    [Fact]
    public async Task AnAdministrator_SetsUpAnArea_AndAppointsItsBridgeBuilders_AndNobodyElseMay()
    {
        using var admin = await factory.SignedInAsync("admin@demo.samskab.dk");
        var name = "Nyområde " + Guid.NewGuid().ToString("N")[..6];
        var form = await admin.GetAsync("/lokalomraader/ny");
        var noName = await admin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Places"] = "Nyby" });
        Assert.Contains("Giv området et navn.", noName.Text);
        var badMail = await admin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ForumEmail"] = "ikke en mail" });
        Assert.Contains("Skriv en gyldig mailadresse", badMail.Text);
        var created = await admin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Places"] = "Nyby\n\nNyby\nGammelby" });
        Assert.Contains("Lokalområdet er oprettet.", created.Text);
        var area = await factory.WithDbAsync(db => db.LocalAreas.SingleAsync(a => a.Name == name));
        Assert.Equal("Nyby\nGammelby", area.Places);
        var twice = await admin.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = name });
        Assert.Contains("Der er allerede et lokalområde med det navn.", twice.Text);

        var edit = await admin.GetAsync($"/lokalomraader/{area.Id}/rediger");
        var unknown = await admin.SubmitAsync(edit.Document, "form[action*='handler=AddBridgeBuilder']", new Dictionary<string, string> { ["Bridge.Email"] = "ingen@eksempel.dk" });
        Assert.Contains("Der er ingen konto med den mailadresse.", unknown.Text);
        await admin.SubmitAsync(edit.Document, "form[action*='handler=AddBridgeBuilder']", new Dictionary<string, string> { ["Bridge.Email"] = GivenLocalAreas.BridgeBuilderEmail, ["Bridge.Presentation"] = "Jeg kender foreningerne." });
        var shown = await factory.CreateAppClient().GetAsync($"/lokalomraader/{area.Id}");
        Assert.Contains("Bo Brobygger", shown.Text);
        Assert.Contains("Jeg kender foreningerne.", shown.Text);
        Assert.DoesNotContain(GivenLocalAreas.BridgeBuilderEmail, shown.Body);

        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/lokalomraader/ny")).Status);

        // Removing an appointment is confirmed with a tick; the bridge builder's requests then have no owner.
        var (karinId, _) = await factory.ParticipantAsync("Karin");
        var request = await SendAsync(area.Id, karinId, "en ny sti");
        edit = await admin.GetAsync($"/lokalomraader/{area.Id}/rediger");
        var unconfirmed = await admin.SubmitAsync(edit.Document, "form[action*='handler=RemoveBridgeBuilder']");
        Assert.Contains("Sæt kryds for at bekræfte, at brobyggeren skal fjernes fra området.", unconfirmed.Text);
        Assert.True(await factory.WithDbAsync(db => db.AreaBridgeBuilders.AnyAsync(b => b.AreaId == area.Id)));
        await admin.SubmitAsync(edit.Document, "form[action*='handler=RemoveBridgeBuilder']", new Dictionary<string, string> { ["bekraeft"] = "true" });
        Assert.False(await factory.WithDbAsync(db => db.AreaBridgeBuilders.AnyAsync(b => b.AreaId == area.Id)));
        Assert.Null((await factory.RequestAsync(request)).OwnerUserId);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync($"/lokalomraader/{area.Id}/rediger")).Status);
        Assert.Null((await bo.GetAsync($"/lokalomraader/{area.Id}")).Document.QuerySelector($"a[href='/lokalomraader/{area.Id}/rediger']"));
    }

    [Fact]
    public async Task Open311_ListsTheRequests_WithTheStandardsFields_AndFilters_AndNothingPersonal()
    {
        var area = await factory.AreaAsync("Open311by " + Guid.NewGuid().ToString("N")[..6], "", GivenLocalAreas.BridgeBuilderEmail);
        var email = $"{Guid.NewGuid():N}@borger.dk";
        var (karinId, _) = await factory.ParticipantAsync("Karin Hemmelig", email);
        var open = await SendAsync(area, karinId, "en shelterplads i skoven", RequestCategory.Nature);
        var closed = await SendAsync(area, karinId, "en kunstgræsbane", RequestCategory.CultureAndLeisure);
        using var bo = await factory.SignedInAsync(GivenLocalAreas.BridgeBuilderEmail);
        var page = await bo.GetAsync($"/henvendelser/{closed}");
        await bo.SubmitAsync(page.Document, "form[action*='handler=State']", new Dictionary<string, string> { ["Move.State"] = "ClosedNotDone", ["Move.Answer"] = "Der er ikke plads." });

        using var client = factory.CreateAppClient();
        var services = JsonDocument.Parse(await client.Http.GetStringAsync("/open311/v2/services.json")).RootElement;
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "nature" && s.GetProperty("metadata").GetBoolean() == false);

        var body = await client.Http.GetStringAsync("/open311/v2/requests.json?page_size=1000");
        Assert.DoesNotContain(email, body);
        Assert.DoesNotContain("Hemmelig", body);
        var all = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        var c = all.Single(r => r.GetProperty("service_request_id").GetString() == S(closed));
        Assert.Equal("closed", c.GetProperty("status").GetString());
        Assert.Equal("closed_not_done", c.GetProperty("extended_attributes").GetProperty("samskab_state").GetString());
        Assert.Equal("Der er ikke plads.", c.GetProperty("status_notes").GetString());
        foreach (var field in new[] { "service_name", "service_code", "description", "requested_datetime", "updated_datetime", "address" })
        {
            Assert.True(c.TryGetProperty(field, out _), field);
        }
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", c.GetProperty("requested_datetime").GetString());

        var onlyOpen = JsonDocument.Parse(await client.Http.GetStringAsync("/open311/v2/requests.json?status=open&service_code=nature&page_size=1000")).RootElement.EnumerateArray().ToList();
        Assert.Contains(onlyOpen, r => r.GetProperty("service_request_id").GetString() == S(open));
        Assert.DoesNotContain(onlyOpen, r => r.GetProperty("service_request_id").GetString() == S(closed));
        Assert.All(onlyOpen, r => Assert.Equal(("open", "nature"), (r.GetProperty("status").GetString(), r.GetProperty("service_code").GetString())));
        var future = JsonDocument.Parse(await client.Http.GetStringAsync("/open311/v2/requests.json?start_date=2999-01-01T00:00:00Z")).RootElement;
        Assert.Equal(0, future.GetArrayLength());

        var one = JsonDocument.Parse(await client.Http.GetStringAsync($"/open311/v2/requests/{open}.json")).RootElement;
        Assert.Equal(S(open), one[0].GetProperty("service_request_id").GetString());
        var bad = await client.Http.GetAsync("/open311/v2/requests.json?start_date=i-morgen");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/open311/v2/requests/abc.json")).StatusCode);

        var api = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/v1/local-areas/{area}/requests")).RootElement;
        Assert.Equal(2, api.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(email, await client.Http.GetStringAsync($"/api/v1/local-areas/{area}"));
    }

    private async Task<int> SendAsync(int areaId, int participantId, string wish, RequestCategory category = RequestCategory.Other)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Samskab.Web.Infrastructure.Data.AppDbContext>();
        var area = await db.LocalAreas.SingleAsync(a => a.Id == areaId);
        var request = await scope.ServiceProvider.GetRequiredService<RequestActions>().SendAsync(area, participantId, "Karin", "Vi vil gerne " + wish, "Fordi det er godt.", null, category, null);
        return request.Id;
    }

    private static string Token(AppClient.Result page) =>
        page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}
