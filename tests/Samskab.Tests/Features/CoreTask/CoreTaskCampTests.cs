using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Phase 5: the citizen camp's public page of the chosen core task, with its idea board.</summary>
public class CoreTaskCampTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private const string CoreTask = "Barnet oplever at høre til i et fællesskab, hvor det bliver set og selv er med til at bestemme.";

    private Task<int> ChooseAsync(int id, CoreTaskPhase phase) => factory.WithDbAsync(async db =>
    {
        var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.IsOwner).Select(p => p.Id).FirstAsync();
        var formulation = new CoreTaskFormulation { ProcessId = id, CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow, LatestNumber = 2 };
        formulation.Versions.Add(new FormulationVersion { Number = 1, Text = "Vi tilbyder pasning.", Answers = [], AuthorId = owner, CreatedAt = DateTimeOffset.UtcNow });
        formulation.Versions.Add(new FormulationVersion { Number = 2, Text = CoreTask, Answers = [], AuthorId = owner, CreatedAt = DateTimeOffset.UtcNow });
        db.CoreTaskFormulations.Add(formulation);
        await db.SaveChangesAsync();
        await db.CoreTaskProcesses.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ChosenFormulationId, formulation.Id).SetProperty(p => p.Phase, phase));
        return 0;
    });

    [Fact]
    public async Task BeforeItIsPublished_OnlyParticipantsSeeTheCampPage()
    {
        var member = await factory.UserAsync("Mona Mor");
        var outsider = await factory.UserAsync("Ulla Udenfor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Vuggestuen Humlen", (member, "Mona Mor", CoreTaskRole.Citizen));
        using var anonymous = factory.CreateAppClient();
        var anon = await anonymous.GetAsync($"/kerneopgave/{id}/borgercamp", follow: false);
        Assert.Contains("/konto/log-ind", anon.Location);
        using var ulla = await factory.SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await ulla.GetAsync($"/kerneopgave/{id}/borgercamp")).Status);
        using var mona = await factory.SignedInAsync(member);
        var page = await mona.GetAsync($"/kerneopgave/{id}/borgercamp");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Siden er ikke offentliggjort endnu.", page.Text);
        // A citizen in the process is no owner: no form to publish.
        Assert.Null(page.Document.QuerySelector("form[action$='handler=Open']"));
    }

    [Fact]
    public async Task AnOwner_OpensTheCamp_AndTheCoreTaskAndItsIdeasArePublic()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Børnehuset Kløveren");
        await ChooseAsync(id, CoreTaskPhase.Definition);
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var page = await anne.GetAsync($"/kerneopgave/{id}/borgercamp");
        var early = await anne.SubmitAsync(page.Document, "form[action$='handler=Open']");
        Assert.Contains("Borgercampen kan åbnes, når en formulering er valgt, og forløbet er i fasen »Borgercamp«.", early.Text);

        await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Phase, CoreTaskPhase.CitizenCamp)));
        page = await anne.GetAsync($"/kerneopgave/{id}/borgercamp");
        var bad = await anne.SubmitAsync(page.Document, "form[action$='handler=Open']", new Dictionary<string, string>
        {
            ["Open.Question"] = " ",
            ["Open.ClosesOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Contains("Skriv det spørgsmål, borgerne skal svare på.", bad.Text);
        Assert.Contains("Borgercampen skal lukke mellem i dag og om et år.", bad.Text);
        Assert.Null(await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.CampCampaignId).SingleAsync()));

        var closes = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var opened = await anne.SubmitAsync(page.Document, "form[action$='handler=Open']", new Dictionary<string, string>
        {
            ["Open.Question"] = "Hvordan kan Kløveren blive et sted, hvor alle børn hører til?",
            ["Open.ClosesOn"] = closes,
            ["Open.Moderation"] = "BeforePublication",
        });
        Assert.Contains("Borgercampen er åben. Del siden med borgerne.", opened.Text);
        var campaignId = await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.CampCampaignId).SingleAsync());
        var campaign = await factory.WithDbAsync(db => db.Campaigns.Include(c => c.Managers).SingleAsync(c => c.Id == campaignId));
        Assert.Equal(CampaignType.IdeaBoard, campaign.Type);
        Assert.Equal(ModerationMode.BeforePublication, campaign.Moderation);
        Assert.Equal(CoreTask, campaign.Description);
        Assert.Single(campaign.Managers);
        Assert.Null(opened.Document.QuerySelector("form[action$='handler=Open']"));

        // Published ideas show; one awaiting the moderator does not.
        await factory.WithDbAsync(async db =>
        {
            var p = new Participant { DisplayName = "Birgit", Email = $"{Guid.NewGuid():N}@eksempel.dk", CreatedAt = DateTimeOffset.UtcNow, ConfirmedAt = DateTimeOffset.UtcNow };
            db.Participants.Add(p);
            await db.SaveChangesAsync();
            db.Ideas.AddRange(
                new Idea { CampaignId = campaignId!.Value, ParticipantId = p.Id, Title = "Forældrekaffe om fredagen", Text = "Kaffe i garderoben.", LikeCount = 4, CreatedAt = DateTimeOffset.UtcNow },
                new Idea { CampaignId = campaignId.Value, ParticipantId = p.Id, Title = "Venter på moderator", Text = "Endnu ikke set.", Visibility = IdeaVisibility.Pending, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        using var citizen = factory.CreateAppClient();
        var open = await citizen.GetAsync($"/kerneopgave/{id}/borgercamp");
        Assert.Equal(HttpStatusCode.OK, open.Status);
        Assert.Contains(CoreTask, open.Document.QuerySelector(".core-task-quote")!.TextContent);
        Assert.DoesNotContain("Vi tilbyder pasning.", open.Text);
        Assert.Contains("Hvordan kan Kløveren blive et sted, hvor alle børn hører til?", open.Text);
        Assert.Equal($"/indsamlinger/{campaignId}/ny-ide", open.Document.QuerySelector("a.button-primary")!.GetAttribute("href"));
        Assert.Contains("Forældrekaffe om fredagen", open.Text);
        Assert.DoesNotContain("Venter på moderator", open.Text);
        // The citizen sees numbers, not the participants' names, nor the process's own pages.
        var ownerName = await factory.WithDbAsync(db => db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.IsOwner).Select(p => p.Name).SingleAsync());
        Assert.DoesNotContain(ownerName, open.Text);
        Assert.Contains("1 deltager, heraf 0 borgere og brugere", open.Text);
        Assert.Null(open.Document.QuerySelector("nav.coretask-tabs"));
        Assert.Equal(HttpStatusCode.Found, (await citizen.GetAsync($"/kerneopgave/{id}/materiale", follow: false)).Status);

        // Publishing twice opens no second camp.
        var again = await anne.PostRawAsync($"/kerneopgave/{id}/borgercamp?handler=Open", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["Open.Question"] = "Igen?",
            ["Open.ClosesOn"] = closes,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(campaignId, await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.CampCampaignId).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Campaigns.CountAsync(c => c.Theme == "Borgercamp: Børnehuset Kløveren")));
    }
}
