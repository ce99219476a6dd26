using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Participation;

/// <summary>Many sign-ups from one test address: the limit per client address is raised (it has its own test).</summary>
public sealed class JoinFactory : SamskabFactory
{
    public JoinFactory() => Settings["Participation:ConfirmationsPerAddress"] = "1000";
}

public class JoinTests(JoinFactory factory) : IClassFixture<JoinFactory>
{
    [Fact]
    public async Task Join_WithTheCodeFromTheMail_RemembersTheDevice_AndReturnsToTheBoard()
    {
        var campaign = await factory.CampaignAsync("Tilmelding");
        using var client = await factory.JoinAsync("Karla@Eksempel.dk", "Karla", $"/indsamlinger/{campaign}");
        var board = await client.GetAsync($"/indsamlinger/{campaign}");
        Assert.Equal($"/indsamlinger/{campaign}", board.Response.RequestMessage!.RequestUri!.AbsolutePath);
        var participant = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.Email == "karla@eksempel.dk"));
        Assert.Equal("Karla", participant.DisplayName);
        Assert.NotNull(participant.ConfirmedAt);
        // The device is remembered: the new-idea page opens instead of sending the citizen to join again.
        var write = await client.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        Assert.Contains("Skriv en idé", write.Document.QuerySelector("h1")!.TextContent);
        // The mail is in the participant's language and says where it comes from; the address is never shown publicly.
        var mail = (await factory.ToAsync("karla@eksempel.dk"))[^1];
        Assert.Contains("/deltag/bekraeft-link/", mail.TextBody);
    }

    [Fact]
    public async Task Join_WrongCodeFiveTimes_SpendsTheChallenge_AndTheRightCodeNoLongerWorks()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld");
        var sent = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Gæt", ["Input.Email"] = "gaet@eksempel.dk" });
        var code = await factory.CodeAsync("gaet@eksempel.dk");
        var wrong = code == "000000" ? "111111" : "000000";
        var page = sent;
        for (var i = 0; i < 5; i++)
        {
            page = await client.SubmitAsync(sent.Document, "main form", new Dictionary<string, string> { ["Code"] = wrong });
        }
        Assert.Contains("prøvet for mange gange", page.Text);
        var late = await client.SubmitAsync(sent.Document, "main form", new Dictionary<string, string> { ["Code"] = code });
        Assert.Contains("Koden kan ikke bruges længere", late.Text);
        Assert.Null(await factory.WithDbAsync(db => db.Participants.Where(p => p.Email == "gaet@eksempel.dk").Select(p => p.ConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task Join_BadInput_GivesDanishMessages_KeepsTheText_AndTheHoneypotSendsNothing()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld");
        var bad = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Bo", ["Input.Email"] = "ikke-en-adresse" });
        Assert.Contains("Skriv en gyldig e-mailadresse", bad.Text);
        Assert.Equal("Bo", bad.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        var noName = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "bo@eksempel.dk" });
        Assert.Contains("Skriv det navn, andre skal se", noName.Text);
        var bot = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Bot", ["Input.Email"] = "bot@eksempel.dk", ["Input.Website"] = "http://spam" });
        Assert.Contains("Tjek din e-mail", bot.Text);
        Assert.Empty(await factory.ToAsync("bot@eksempel.dk"));
        // A link back to another site is never followed after joining.
        var evil = await client.GetAsync("/deltag/tilmeld?tilbage=//evil.example/x");
        Assert.Equal("/deltag", evil.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=tilbage]")!.Value);
    }

    [Fact]
    public async Task Join_ManyCodesForOneAddress_AreRefusedWithAMessage()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld");
        AppClient.Result last = form;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Ulla", ["Input.Email"] = "ulla@eksempel.dk" });
        }
        Assert.Contains("Der er sendt flere koder til den adresse", last.Text);
        Assert.Equal(3, (await factory.ToAsync("ulla@eksempel.dk")).Count);
    }

    [Fact]
    public async Task ConfirmLink_OpeningItDoesNothing_TheButtonConfirms_Once()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld");
        await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = "Lis", ["Input.Email"] = "lis@eksempel.dk" });
        var link = await factory.LatestLinkAsync("lis@eksempel.dk", "/deltag/bekraeft-link/");
        using var scanner = factory.CreateAppClient();
        var opened = await scanner.GetAsync(link);
        Assert.Null(await factory.WithDbAsync(db => db.Participants.Where(p => p.Email == "lis@eksempel.dk").Select(p => p.ConfirmedAt).SingleAsync()));
        var mine = await client.GetAsync(link);
        var confirmed = await client.SubmitAsync(mine.Document, "main form");
        Assert.Contains("Din e-mail er bekræftet", confirmed.Text);
        var again = await scanner.SubmitAsync(opened.Document, "main form");
        Assert.Contains("Linket kan ikke bruges længere", again.Text);
    }

    [Fact]
    public async Task Mine_DownloadEditDelete_AnonymisesButKeepsTheIdea()
    {
        var campaign = await factory.CampaignAsync("Mine data");
        var (id, token) = await factory.ParticipantAsync("Sigrid", "sigrid@eksempel.dk");
        var idea = await factory.IdeaAsync(campaign, id, "Bænk ved søen");
        using var sigrid = factory.ParticipantClient(token);
        var mine = await sigrid.GetAsync("/deltag/mine");
        Assert.Contains("Bænk ved søen", mine.Text);
        Assert.Contains("sigrid@eksempel.dk", mine.Text);
        var download = await sigrid.Http.GetAsync("/deltag/mine?handler=Download");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        var json = await download.Content.ReadAsStringAsync();
        Assert.Contains("Bænk ved søen", json);
        Assert.Contains("sigrid@eksempel.dk", json);

        var anonymous = await sigrid.SubmitAsync(mine.Document, "form[action*='handler=Profile']", new Dictionary<string, string> { ["Profile.Anonymous"] = "true" });
        Assert.Contains("Dine oplysninger er gemt", anonymous.Text);
        using var other = factory.CreateAppClient();
        Assert.DoesNotContain("Sigrid", (await other.GetAsync($"/ideer/{idea}")).Document.QuerySelector("main")!.TextContent);
        Assert.Contains("Anonym", (await other.GetAsync($"/ideer/{idea}")).Document.QuerySelector("main")!.TextContent);

        var refused = await sigrid.SubmitAsync(mine.Document, "form[action*='handler=Delete']");
        Assert.Contains("Sæt kryds for at bekræfte", refused.Text);
        var deleted = await sigrid.SubmitAsync(mine.Document, "form[action*='handler=Delete']", new Dictionary<string, string> { ["ConfirmDelete"] = "true" });
        Assert.Contains("Din deltagelse er slettet", deleted.Text);
        var row = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == id));
        Assert.Null(row.Email);
        Assert.NotNull(row.DeletedAt);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/ideer/{idea}")).Status);
        // The device is forgotten: the old cookie no longer identifies anyone.
        Assert.Contains("/deltag/tilmeld", (await sigrid.GetAsync($"/indsamlinger/{campaign}/ny-ide", follow: false)).Location);
    }

    [Fact]
    public async Task BringAFriend_InvitationsThatLeadToJoining_AreCounted_WithTheChain_AndVisitsAloneLeaveNothing()
    {
        var campaign = await factory.CampaignAsync("Tag en ven med");
        var (first, firstToken) = await factory.ParticipantAsync("Første");
        using var firstClient = factory.ParticipantClient(firstToken);
        var board = await firstClient.GetAsync($"/indsamlinger/{campaign}");
        var link = board.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invite-link")!.Value;
        Assert.Contains("?ven=", link);
        var path = new Uri(link).PathAndQuery;

        // A friend opens the link and joins; the friend's friend does the same with the friend's link.
        using var friend = factory.CreateAppClient();
        await friend.GetAsync(path);
        await factory.JoinWithAsync(friend, "ven1@eksempel.dk", "Ven", $"/indsamlinger/{campaign}");
        var friendsLink = new Uri((await friend.GetAsync($"/indsamlinger/{campaign}")).Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invite-link")!.Value).PathAndQuery;
        using var friendOfFriend = factory.CreateAppClient();
        await friendOfFriend.GetAsync(friendsLink);
        await factory.JoinWithAsync(friendOfFriend, "ven2@eksempel.dk", "Vens ven", $"/indsamlinger/{campaign}");
        // Someone who only looks leaves nothing behind.
        using var onlyLooks = factory.CreateAppClient();
        await onlyLooks.GetAsync(path);
        // Following one's own link (a joined participant) does not count either.
        await firstClient.GetAsync(path);

        var rows = await factory.WithDbAsync(db => db.ParticipantInvitations.Where(i => i.CampaignId == campaign).OrderBy(i => i.Id).Select(i => i.InviterId).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(first, rows[0]);
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var results = await manager.GetAsync($"/indsamlinger/{campaign}/resultater");
        var text = System.Text.RegularExpressions.Regex.Replace(results.Document.QuerySelector(".results-invitations")!.TextContent, "\\s+", " ");
        Assert.Contains("2 er med, fordi en ven inviterede dem", text);
        Assert.Contains("2 har inviteret en ven, der kom med", text);
        Assert.Contains("2 led i den længste kæde af invitationer", text);
    }
}
