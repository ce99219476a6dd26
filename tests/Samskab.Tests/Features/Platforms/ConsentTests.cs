using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Platforms;
using Xunit;

namespace Samskab.Tests.Features.Platforms;

/// <summary>Flat hierarchy in the software: members propose and decide by consent; the coordinator has no veto or extra vote.</summary>
public class ConsentTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static Dictionary<string, string> Proposal(string kind, string reason, string? focus = null) =>
        new() { ["Change.Kind"] = kind, ["Change.Reason"] = reason, ["Change.NewFocus"] = focus ?? "" };

    [Fact]
    public async Task Proposal_AdoptedOnlyWhenEveryMemberAgrees_CoordinatorCountsLikeAnyone()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Konsent", "Platform K");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/platforme/{platforms[0]}");
        var proposed = await aisha.SubmitAsync(page.Document, "form[action*='handler=Propose']", Proposal("Focus", "Vi vil også have de ældre med", "Unge og ældre om aftenen"));
        Assert.Contains("Forslaget er sendt til platformens medlemmer.", proposed.Text);
        Assert.Contains("Tobias Tovholder: har ikke svaret endnu", proposed.Document.QuerySelector("section.action-box[id^='forslag-']")!.TextContent);

        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var tPage = await tobias.GetAsync($"/platforme/{platforms[0]}");
        var objectionWithoutReason = await tobias.SubmitAsync(tPage.Document, "form[action*='handler=Respond']", new Dictionary<string, string> { ["reason"] = "" }, submitName: "agrees=false");
        Assert.Contains("En indsigelse skal have en begrundelse.", objectionWithoutReason.Text);

        var objected = await tobias.SubmitAsync(tPage.Document, "form[action*='handler=Respond']", new Dictionary<string, string> { ["reason"] = "Klubben har ikke åbent for ældre" }, submitName: "agrees=false");
        Assert.Contains("Dit svar er gemt.", objected.Text);
        Assert.Equal(ProposalStatus.Open, await StatusAsync(platforms[0]));
        Assert.Equal("Fokus for Platform K", await FocusAsync(platforms[0]));

        // Changing the objection to agreement reaches consent: all members agree, nobody objects.
        var agreed = await tobias.SubmitAsync(objected.Document, "form[action*='handler=Respond']", new Dictionary<string, string> { ["reason"] = "" }, submitName: "agrees=true");
        Assert.Contains("forslaget er vedtaget og gennemført", agreed.Text);
        Assert.Equal(ProposalStatus.Adopted, await StatusAsync(platforms[0]));
        Assert.Equal("Unge og ældre om aftenen", await FocusAsync(platforms[0]));
        var record = await factory.WithDbAsync(db => db.ChangeProposals.Where(p => p.PlatformId == platforms[0]).Select(p => p.DecisionRecord).SingleAsync());
        Assert.Equal("Vedtaget ved konsent af: Aisha Aktør og Tobias Tovholder.", record);
        var entry = await factory.WithDbAsync(db => db.Timeline.Where(t => t.PlatformId == platforms[0] && t.Kind == "platform.focus").SingleAsync());
        Assert.False(entry.ByAnchorPerson);
        Assert.Contains("Vedtaget ved konsent", entry.What);
    }

    [Fact]
    public async Task Coordinator_CannotDecideAlone()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Ingen veto", "Platform V");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var page = await tobias.GetAsync($"/platforme/{platforms[0]}");
        await tobias.SubmitAsync(page.Document, "form[action*='handler=Propose']", Proposal("Close", "Tovholderen vil lukke"));
        Assert.Equal(ProposalStatus.Open, await StatusAsync(platforms[0]));
        Assert.Equal(PlatformStatus.Active, await factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == platforms[0]).Select(p => p.Status).SingleAsync()));
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Act']"));
    }

    [Fact]
    public async Task Proposal_ThatDoesNotApply_IsRefused_AndProposerCanWithdraw()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Forslag der ikke passer", "Platform F");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/platforme/{platforms[0]}");
        var resume = await aisha.SubmitAsync(page.Document, "form[action*='handler=Propose']", Proposal("Resume", ""));
        Assert.Contains("Kun en platform på standby kan genoptages.", resume.Text);
        var noKind = await aisha.SubmitAsync(page.Document, "form[action*='handler=Propose']", new Dictionary<string, string> { ["Change.Reason"] = "x" });
        Assert.Contains("Vælg, hvilken ændring det drejer sig om.", noKind.Text);

        var proposed = await aisha.SubmitAsync(page.Document, "form[action*='handler=Propose']", Proposal("Standby", "Sommerpause"));
        var withdrawn = await aisha.SubmitAsync(proposed.Document, "form[action*='handler=Withdraw']");
        Assert.Equal(ProposalStatus.Withdrawn, await StatusAsync(platforms[0]));
        Assert.Contains("trukket tilbage", withdrawn.Text);
    }

    [Fact]
    public async Task DemoOpenProposal_ActorSeesItAndCanRespond()
    {
        var youth = await factory.PlatformIdAsync("Unge og fællesarealer");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/platforme/{youth}");
        var open = page.Document.QuerySelectorAll("section.action-box[id^='forslag-']").First(s => s.TextContent.Contains("åbent"));
        Assert.Contains("Omar Farah: tilslutter sig", open.TextContent);
        Assert.Contains("Aisha Aktør: har ikke svaret endnu", open.TextContent);
        Assert.NotNull(open.QuerySelector("form[action*='handler=Respond']"));
    }

    private Task<ProposalStatus> StatusAsync(int platformId) =>
        factory.WithDbAsync(db => db.ChangeProposals.Where(p => p.PlatformId == platformId).OrderByDescending(p => p.Id).Select(p => p.Status).FirstAsync());

    private Task<string?> FocusAsync(int platformId) =>
        factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == platformId).Select(p => p.FocusArea).SingleAsync());
}
