using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.Tests.Features.Participation;

/// <summary>Wish lists grouped into themes, competitions with a jury and a vote, photo collections, and comments.</summary>
public class CampaignKindsTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task WishList_TakesShortWishes_StaffGroupThemIntoThemes_AndTheBoardShowsThemByTheme()
    {
        var campaign = await factory.CampaignAsync("Ønsker til havnen", type: CampaignType.WishList);
        var other = await factory.CampaignAsync("Andre ønsker", type: CampaignType.WishList);
        var (who, token) = await factory.ParticipantAsync("Vibe");
        using var vibe = factory.ParticipantClient(token);
        var form = await vibe.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        Assert.Null(form.Document.QuerySelector("input[name='Input.Photo']"));
        var posted = await vibe.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Flere bænke ved kajen" });
        Assert.Contains("Tak for dit bidrag!", posted.Text);
        var wish = await factory.WithDbAsync(db => db.Ideas.Where(i => i.CampaignId == campaign).Select(i => i.Id).SingleAsync());
        var second = await factory.IdeaAsync(campaign, who, "Et badeanlæg");
        var foreign = await factory.IdeaAsync(other, who, "Et ønske et andet sted");
        // Wishes stand alone: nothing builds on them.
        Assert.Equal(HttpStatusCode.NotFound, (await vibe.GetAsync($"/indsamlinger/{campaign}/ny-ide?bygger-paa={wish}")).Status);
        // Citizens do not group.
        Assert.DoesNotContain("Indsamlingens temaer", (await vibe.GetAsync($"/indsamlinger/{campaign}/temaer")).Text);

        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var themes = await manager.GetAsync($"/indsamlinger/{campaign}/temaer");
        var empty = await manager.SubmitAsync(themes.Document, "form[action*='handler=Add']", new Dictionary<string, string> { ["NewTheme.Name"] = "" });
        Assert.Contains("Skriv temaets navn.", empty.Text);
        await manager.SubmitAsync(themes.Document, "form[action*='handler=Add']", new Dictionary<string, string> { ["NewTheme.Name"] = "Ophold ved vandet" });
        var twice = await manager.SubmitAsync(themes.Document, "form[action*='handler=Add']", new Dictionary<string, string> { ["NewTheme.Name"] = "Ophold ved vandet" });
        Assert.Contains("Der er allerede et tema med det navn.", twice.Text);
        var themeId = await factory.WithDbAsync(db => db.CampaignThemes.Where(t => t.CampaignId == campaign).Select(t => t.Id).SingleAsync());

        themes = await manager.GetAsync($"/indsamlinger/{campaign}/temaer");
        var none = await manager.SubmitAsync(themes.Document, "form[action*='handler=Group']", new Dictionary<string, string> { ["tema"] = S(themeId) });
        Assert.Contains("Vælg de bidrag, der skal i temaet.", none.Text);
        // The other campaign's wish is sent along: it is not touched.
        var token2 = themes.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var grouped = await manager.PostRawAsync($"/indsamlinger/{campaign}/temaer?handler=Group",
            [new("__RequestVerificationToken", token2), new("bidrag", S(wish)), new("bidrag", S(second)), new("bidrag", S(foreign)), new("tema", S(themeId))]);
        Assert.Equal(HttpStatusCode.Redirect, grouped.Status);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.ThemeId == themeId)));
        Assert.Null(await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == foreign).Select(i => i.ThemeId).SingleAsync()));

        using var visitor = factory.CreateAppClient();
        var board = await visitor.GetAsync($"/indsamlinger/{campaign}");
        Assert.Contains("Ønsker efter tema", board.Text);
        var group = board.Document.QuerySelector($"#tema-{themeId}")!.ParentElement!;
        Assert.Contains("Flere bænke ved kajen", group.TextContent);
        Assert.Contains("2 ønsker", group.TextContent);
        var filtered = await visitor.GetAsync($"/indsamlinger/{campaign}?tema={themeId}");
        Assert.Equal(2, filtered.Document.QuerySelectorAll(".idea-card").Length);

        // Deleting the theme keeps the wishes, without a theme.
        themes = await manager.GetAsync($"/indsamlinger/{campaign}/temaer");
        var deleted = await manager.SubmitAsync(themes.Document, $"#tema-{themeId} form[action*='handler=Delete']");
        Assert.Contains("Bidragene er der stadig", deleted.Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.CampaignId == campaign && i.ThemeId != null)));
    }

    [Fact]
    public async Task PhotoCollection_RequiresAPhoto_AndKeepsTheCaption()
    {
        var campaign = await factory.CampaignAsync("Mit kvarter", type: CampaignType.PhotoCollection);
        var (_, token) = await factory.ParticipantAsync("Frej");
        using var frej = factory.ParticipantClient(token);
        var form = await frej.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        Assert.Contains("Billedtekst: hvad betyder noget for dig her?", form.Text);
        var refused = await frej.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Træet i gården" });
        Assert.Contains("Vælg det foto, du vil dele.", refused.Text);
        Assert.Equal("Træet i gården", refused.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.CampaignId == campaign)));
    }

    [Fact]
    public async Task Competition_Entries_VotesOnlyBetweenTheVoteDates_JuryScores_AndTheWinnerOnThePage()
    {
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var create = await manager.GetAsync("/indsamlinger/ny");
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = "Competition",
            ["Input.Theme"] = "Filmkonkurrence om trafik",
            ["Input.Question"] = "Lav en film om sikker skolevej",
            ["Input.OrganisationName"] = "Testby Kommune",
            ["Input.OpensOn"] = "2026-01-01",
            ["Input.ClosesOn"] = "2026-02-01",
            ["Input.VoteOpensOn"] = "",
            ["Input.VoteClosesOn"] = "",
        };
        Assert.Contains("En konkurrence skal have datoer for afstemningen.", (await manager.SubmitAsync(create.Document, "main form", fields)).Text);
        fields["Input.VoteOpensOn"] = "2026-02-10";
        fields["Input.VoteClosesOn"] = "2026-02-05";
        Assert.Contains("Afstemningen kan ikke slutte, før den begynder.", (await manager.SubmitAsync(create.Document, "main form", fields)).Text);

        // Entries are open; the vote begins in ten days.
        var campaign = await factory.CampaignAsync("Konkurrence", type: CampaignType.Competition, voteOpensInDays: 10, voteClosesInDays: 20);
        var (_, token) = await factory.ParticipantAsync("Storm");
        using var storm = factory.ParticipantClient(token);
        var form = await storm.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        var nothing = await storm.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Min film" });
        Assert.Contains("Et bidrag skal have en tekst, et foto eller et link til en film.", nothing.Text);
        var script = await storm.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Min film", ["Input.FilmUrl"] = "javascript:alert(1)" });
        Assert.Contains("Skriv hele linket til filmen", script.Text);
        var posted = await storm.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Min film", ["Input.FilmUrl"] = "https://video.example.dk/film/42" });
        var entry = int.Parse(posted.Response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("https://video.example.dk/film/42", posted.Document.QuerySelector("a[rel~=ugc]")!.GetAttribute("href"));

        // Before the vote: no vote button, and a posted vote is refused with a message, counting nothing.
        var (_, voterToken) = await factory.ParticipantAsync("Vælger");
        using var voter = factory.ParticipantClient(voterToken);
        var entryPage = await voter.GetAsync($"/ideer/{entry}");
        Assert.Null(entryPage.Document.QuerySelector("form[action*='handler=Like']"));
        var anti = entryPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var early = await voter.PostRawAsync($"/ideer/{entry}?handler=Like", [new("__RequestVerificationToken", anti)]);
        Assert.Equal(HttpStatusCode.Redirect, early.Status);
        Assert.Contains("Afstemningen er ikke åben", (await voter.GetAsync($"/ideer/{entry}")).Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == entry).Select(i => i.LikeCount).SingleAsync()));

        // The vote opens: one vote per person.
        await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteOpensOn, c => c.OpensOn)));
        entryPage = await voter.GetAsync($"/ideer/{entry}");
        var voted = await voter.SubmitAsync(entryPage.Document, "form[action*='handler=Like']");
        Assert.Contains("1 stemme", voted.Text);
        Assert.Contains("Fjern din stemme", voted.Text);

        // Citizens are not the jury.
        Assert.DoesNotContain("Udråb vinderen", (await storm.GetAsync($"/indsamlinger/{campaign}/jury")).Text);
        var jury = await manager.GetAsync($"/indsamlinger/{campaign}/jury");
        await manager.SubmitAsync(jury.Document, "form[action*='handler=Criterion']", new Dictionary<string, string> { ["Criterion.Name"] = "Budskab" });
        var criterion = await factory.WithDbAsync(db => db.JuryCriteria.Where(c => c.CampaignId == campaign).Select(c => c.Id).SingleAsync());
        jury = await manager.GetAsync($"/indsamlinger/{campaign}/jury");
        var tooMany = await manager.SubmitAsync(jury.Document, $"#bidrag-{entry} form", new Dictionary<string, string> { [$"point[{criterion}]"] = "9" });
        Assert.Contains("Giv mellem 1 og 5 point for hvert kriterium.", tooMany.Text);
        var scored = await manager.SubmitAsync(jury.Document, $"#bidrag-{entry} form", new Dictionary<string, string> { [$"point[{criterion}]"] = "4" });
        Assert.Contains("Dine point til \"Min film\" er gemt.", scored.Text);
        await manager.SubmitAsync((await manager.GetAsync($"/indsamlinger/{campaign}/jury")).Document, $"#bidrag-{entry} form", new Dictionary<string, string> { [$"point[{criterion}]"] = "5" });
        Assert.Equal(5, await factory.WithDbAsync(db => db.JuryScores.Where(s => s.IdeaId == entry).Select(s => s.Score).SingleAsync()));

        // The winner must be an entry of this competition.
        var foreignCampaign = await factory.CampaignAsync("Anden", type: CampaignType.Competition, voteOpensInDays: 0, voteClosesInDays: 5);
        var (author, _) = await factory.ParticipantAsync("Anden");
        var foreign = await factory.IdeaAsync(foreignCampaign, author, "Fremmed bidrag");
        jury = await manager.GetAsync($"/indsamlinger/{campaign}/jury");
        var wrong = await manager.SubmitAsync(jury.Document, "form[action*='handler=Winner']", new Dictionary<string, string> { ["Winner.IdeaId"] = S(foreign) });
        Assert.Contains("Vælg vinderen blandt konkurrencens bidrag.", wrong.Text);
        var announced = await manager.SubmitAsync(jury.Document, "form[action*='handler=Winner']", new Dictionary<string, string> { ["Winner.IdeaId"] = S(entry), ["Winner.Text"] = "Klart budskab." });
        Assert.Contains("Vinderen er fundet", announced.Text);
        using var visitor = factory.CreateAppClient();
        var board = await visitor.GetAsync($"/indsamlinger/{campaign}");
        Assert.Contains("Klart budskab.", board.Document.QuerySelector(".winner")!.TextContent);
        Assert.Contains("Min film", board.Document.QuerySelector(".winner")!.TextContent);
    }

    [Fact]
    public async Task Comments_AreValidated_ModeratedBeforePublication_ReportedToHidden_AndOnlyTheAuthorDeletesOne()
    {
        var campaign = await factory.CampaignAsync("Kommentarer", ModerationMode.BeforePublication, reportThreshold: 1);
        var (author, _) = await factory.ParticipantAsync("Idéhaver");
        var idea = await factory.IdeaAsync(campaign, author, "En legeplads");
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).ExecuteUpdateAsync(s => s.SetProperty(i => i.Visibility, IdeaVisibility.Published)));
        var (_, token) = await factory.ParticipantAsync("Kommentator");
        using var writer = factory.ParticipantClient(token);
        var page = await writer.GetAsync($"/ideer/{idea}");
        var empty = await writer.SubmitAsync(page.Document, "form[action*='handler=Comment']", new Dictionary<string, string> { ["Comment.Text"] = "  " });
        Assert.Contains("Skriv din kommentar.", empty.Text);
        var tooLong = new string('x', 1001);
        var longOne = await writer.SubmitAsync(page.Document, "form[action*='handler=Comment']", new Dictionary<string, string> { ["Comment.Text"] = tooLong });
        Assert.Contains("Kommentaren må højst være 1000 tegn.", longOne.Text);
        Assert.Equal(tooLong, longOne.Document.QuerySelector("#Comment_Text")!.TextContent.Trim());
        var posted = await writer.SubmitAsync(page.Document, "form[action*='handler=Comment']", new Dictionary<string, string> { ["Comment.Text"] = "Gerne med gynger <script>alert(1)</script>" });
        Assert.Contains("når en moderator har godkendt den", posted.Text);
        Assert.Empty(posted.Document.QuerySelectorAll(".comment script"));
        var comment = await factory.WithDbAsync(db => db.IdeaComments.Where(c => c.IdeaId == idea).Select(c => c.Id).SingleAsync());

        using var visitor = factory.CreateAppClient();
        Assert.DoesNotContain("Gerne med gynger", (await visitor.GetAsync($"/ideer/{idea}")).Text);
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var queue = await manager.GetAsync($"/indsamlinger/{campaign}/moderering");
        await manager.SubmitAsync(queue.Document, $"#kommentar-{comment} form", null, "CommentDecision.Kind=Approve");
        Assert.Contains("Gerne med gynger", (await visitor.GetAsync($"/ideer/{idea}")).Text);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.CommentCount).SingleAsync()));

        // Another participant cannot delete it; one report (the threshold here) hides it until a moderator decides.
        var (_, otherToken) = await factory.ParticipantAsync("Anden borger");
        using var other = factory.ParticipantClient(otherToken);
        var otherPage = await other.GetAsync($"/ideer/{idea}");
        Assert.Null(otherPage.Document.QuerySelector("form[action*='handler=DeleteComment']"));
        var anti = otherPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var delete = await other.PostRawAsync($"/ideer/{idea}?handler=DeleteComment", [new("__RequestVerificationToken", anti), new("kommentar", S(comment))]);
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        var reported = await other.SubmitAsync(otherPage.Document, $"#kommentar-{comment} form[action*='handler=ReportComment']", new Dictionary<string, string> { ["CommentReason.Reason"] = "Upassende" });
        Assert.Contains("En moderator ser på din anmeldelse.", reported.Text);
        Assert.DoesNotContain("Gerne med gynger", (await visitor.GetAsync($"/ideer/{idea}")).Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.CommentCount).SingleAsync()));
        Assert.Contains("Upassende", (await manager.GetAsync($"/indsamlinger/{campaign}/moderering")).Text);

        // The author still sees it (marked hidden) and deletes it.
        page = await writer.GetAsync($"/ideer/{idea}");
        var deleted = await writer.SubmitAsync(page.Document, "form[action*='handler=DeleteComment']");
        Assert.Contains("Din kommentar er slettet.", deleted.Text);
        Assert.False(await factory.WithDbAsync(db => db.IdeaComments.AnyAsync(c => c.Id == comment)));
    }

    [Fact]
    public async Task Comments_OnAClosedCampaign_AreRefused_WithTheTextKept()
    {
        var campaign = await factory.CampaignAsync("Lukket kommentar", opensInDays: -30, closesInDays: -1);
        var (author, token) = await factory.ParticipantAsync("Sen");
        var idea = await factory.IdeaAsync(campaign, author, "For sent");
        using var client = factory.ParticipantClient(token);
        var page = await client.GetAsync($"/ideer/{idea}");
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Comment']"));
        var anti = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var late = await client.PostRawAsync($"/ideer/{idea}?handler=Comment", [new("__RequestVerificationToken", anti), new("Comment.Text", "Alligevel")]);
        Assert.Contains("Indsamlingen er lukket, så der kan ikke skrives nye kommentarer.", late.Text);
        Assert.False(await factory.WithDbAsync(db => db.IdeaComments.AnyAsync(c => c.IdeaId == idea)));
    }
}
