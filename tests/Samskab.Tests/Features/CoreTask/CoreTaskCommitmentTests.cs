using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>"One of us for a day": the leader's commitment with a deadline and a status, seen by the actor, warned
/// about when overdue.</summary>
public class CoreTaskCommitmentTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheLeader_CommitsToAnActorsIdea_WithADeadline_AndTheActorSeesIt_AndTheOverviewWarnsWhenOverdue()
    {
        var henrik = await factory.UserAsync("Henrik Hansen");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Syd", (henrik, "Henrik Hansen", CoreTaskRole.Joker));
        var henrikThere = await factory.WithDbAsync(db => db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.Name == "Henrik Hansen").Select(p => p.Id).SingleAsync());
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var page = await anne.GetAsync($"/kerneopgave/{id}/tilsagn");
        var form = "form[action$='handler=Add']";
        var fields = new Dictionary<string, string>
        {
            ["New.ActorId"] = henrikThere.ToString(CultureInfo.InvariantCulture),
            ["New.Place"] = "i modtagelsen",
            ["New.Idea"] = "Virksomheder får én fast kontaktperson.",
        };
        var noDeadline = await anne.SubmitAsync(page.Document, form, fields);
        Assert.Contains("Et tilsagn skal have en frist", noDeadline.Text);
        // Nothing typed is lost.
        Assert.Equal("Virksomheder får én fast kontaktperson.", noDeadline.Document.QuerySelector("#New_Idea")!.TextContent);
        var past = await anne.SubmitAsync(page.Document, form, new Dictionary<string, string>(fields) { ["New.Deadline"] = Day(-2) });
        Assert.Contains("Fristen skal ligge mellem i dag og om to år.", past.Text);
        var garbled = await anne.SubmitAsync(page.Document, form, new Dictionary<string, string>(fields) { ["New.Deadline"] = "næste uge" });
        Assert.Contains("næste uge", garbled.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#New_Deadline")!.Value);
        var foreignActor = await anne.SubmitAsync(page.Document, form, new Dictionary<string, string>(fields) { ["New.ActorId"] = "999999", ["New.Deadline"] = Day(14) });
        Assert.Contains("Vælg den deltager, der var en af jer for en dag.", foreignActor.Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskCommitments.CountAsync(c => c.ProcessId == id)));

        var given = await anne.SubmitAsync(page.Document, form, new Dictionary<string, string>(fields) { ["New.Deadline"] = Day(14) });
        Assert.Contains("Tilsagnet er givet med frist", given.Text);
        var commitment = await factory.WithDbAsync(db => db.CoreTaskCommitments.SingleAsync(c => c.ProcessId == id));
        Assert.Equal(CommitmentStatus.Promised, commitment.Status);

        // The actor sees it on the overview, and may not change it.
        using var actor = await factory.SignedInAsync(henrik);
        var overview = await actor.GetAsync($"/kerneopgave/{id}");
        Assert.Contains("Virksomheder får én fast kontaktperson.", overview.Document.QuerySelector("#mine-heading")!.ParentElement!.TextContent);
        var list = await actor.GetAsync($"/kerneopgave/{id}/tilsagn");
        Assert.Contains("Til dig", list.Document.QuerySelector($"#c-{commitment.Id}")!.TextContent);
        Assert.Null(list.Document.QuerySelector("form[action$='handler=Status']"));
        var token = list.Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;
        var forbidden = await actor.PostRawAsync($"/kerneopgave/{id}/tilsagn?handler=Status", [new("__RequestVerificationToken", token), new("Change.CommitmentId", $"{commitment.Id}"), new("Change.Status", "Done")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);

        // Past its deadline: the overview warns.
        Assert.DoesNotContain("har overskredet sin frist", (await anne.GetAsync($"/kerneopgave/{id}")).Text);
        await factory.WithDbAsync(db => db.CoreTaskCommitments.Where(c => c.Id == commitment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5))));
        Assert.Contains("Et tilsagn har overskredet sin frist.", (await anne.GetAsync($"/kerneopgave/{id}")).Text);

        // Dropping it needs a reason the actor can read; done ends the warning.
        var statusForm = $"#c-{commitment.Id} form[action$='handler=Status']";
        var listed = await anne.GetAsync($"/kerneopgave/{id}/tilsagn");
        Assert.Contains("Fristen er overskredet", listed.Document.QuerySelector($"#c-{commitment.Id}")!.TextContent);
        var dropped = await anne.SubmitAsync(listed.Document, statusForm, new Dictionary<string, string> { ["Change.Status"] = "Dropped", ["Change.Note"] = "" });
        Assert.Contains("Skriv, hvorfor tilsagnet er opgivet", dropped.Text);
        var done = await anne.SubmitAsync(listed.Document, statusForm, new Dictionary<string, string> { ["Change.Status"] = "Done", ["Change.Note"] = "Henrik har mødt sin kontaktperson." });
        Assert.Contains("Tilsagnet står nu som »Gennemført«.", done.Text);
        Assert.DoesNotContain("har overskredet sin frist", (await anne.GetAsync($"/kerneopgave/{id}")).Text);
        Assert.Contains("Henrik har mødt sin kontaktperson.", (await actor.GetAsync($"/kerneopgave/{id}/tilsagn")).Text);
    }
}
