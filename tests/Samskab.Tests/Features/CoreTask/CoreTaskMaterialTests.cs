using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Phase 2's material: interviews with 5 × why chains, observations and obituaries.</summary>
public class CoreTaskMaterialTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task AParticipant_RecordsAnInterviewWithAWhyChain_EndingInAnUnderlyingNeed()
    {
        var citizen = await factory.UserAsync("Mona Mor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Vuggestuen Mariehønen", (citizen, "Mona Mor", CoreTaskRole.Citizen));
        using var mona = await factory.SignedInAsync(citizen);
        var page = await mona.GetAsync($"/kerneopgave/{id}/materiale");
        var fields = new Dictionary<string, string>
        {
            ["Interview.Subject"] = "far til en pige på 2",
            ["Interview.Question"] = "Hvad var godt i dag?",
            ["Interview.Text"] = "At pædagogen vidste, at hun havde sovet dårligt.",
            ["Interview.WhySteps[0]"] = "Fordi jeg så ikke skulle forklare det hele i døren.",
            ["Interview.WhySteps[1]"] = "Fordi morgenen er stresset.",
            ["Interview.WhySteps[2]"] = "Fordi jeg skal nå toget.",
        };
        var noNeed = await mona.SubmitAsync(page.Document, "form[action$='handler=Interview']", fields);
        Assert.Contains("Skriv det underliggende behov, som hvorfor-kæden ender i.", noNeed.Text);
        // Nothing the parent wrote is lost.
        Assert.Equal("Fordi morgenen er stresset.", noNeed.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#why-1")!.Value);
        Assert.True(noNeed.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlDetailsElement>("details.material-form")!.IsOpen);

        var gap = await mona.SubmitAsync(page.Document, "form[action$='handler=Interview']", new Dictionary<string, string>(fields) { ["Interview.WhySteps[1]"] = "", ["Interview.UnderlyingNeed"] = "Tryghed" });
        Assert.Contains("Udfyld hvorfor-kæden fra oven uden huller", gap.Text);

        var saved = await mona.SubmitAsync(page.Document, "form[action$='handler=Interview']", new Dictionary<string, string>(fields) { ["Interview.UnderlyingNeed"] = "At blive set som familie" });
        Assert.Contains("Interviewet er gemt i forløbets materiale.", saved.Text);
        var card = saved.Document.QuerySelector(".material-list .card")!;
        Assert.Equal(["Hvorfor? Fordi jeg så ikke skulle forklare det hele i døren.", "Hvorfor? Fordi morgenen er stresset.", "Hvorfor? Fordi jeg skal nå toget."],
            card.QuerySelectorAll(".why-chain li").Select(li => li.TextContent.Trim()));
        Assert.Contains("At blive set som familie", card.TextContent);
        Assert.Contains("Mona Mor (borger eller bruger)", card.TextContent);
        var stored = await factory.WithDbAsync(db => db.CoreTaskMaterials.SingleAsync(m => m.ProcessId == id));
        Assert.Equal(3, stored.WhySteps.Count);
    }

    [Fact]
    public async Task AWhyChainOfSixSteps_AnEmptyObituary_AndAFutureObservation_AreRefusedInDanish()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Midt");
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var page = await anne.GetAsync($"/kerneopgave/{id}/materiale");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var six = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Interview.Text"] = "Svar", ["Interview.UnderlyingNeed"] = "Behov" };
        for (var i = 0; i < 6; i++) six[$"Interview.WhySteps[{i}]"] = "Fordi " + i;
        var tooLong = await anne.PostRawAsync($"/kerneopgave/{id}/materiale?handler=Interview", six);
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("En hvorfor-kæde har højst fem led", tooLong.Text);

        var obituary = await anne.SubmitAsync(page.Document, "form[action$='handler=Obituary']", new Dictionary<string, string> { ["Obituary.Text"] = " " });
        Assert.Contains("Skriv, hvad der ville blive savnet.", obituary.Text);
        var future = await anne.SubmitAsync(page.Document, "form[action$='handler=Observation']", new Dictionary<string, string>
        {
            ["Observation.Subject"] = "Venteværelset",
            ["Observation.ObservedOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Observation.Text"] = "Folk venter længe.",
        });
        Assert.Contains("En observation kan ikke ligge ude i fremtiden.", future.Text);
        var badDate = await anne.SubmitAsync(page.Document, "form[action$='handler=Observation']", new Dictionary<string, string> { ["Observation.Subject"] = "Venteværelset", ["Observation.ObservedOn"] = "i går", ["Observation.Text"] = "Folk venter." });
        Assert.Contains("Skriv en gyldig dato, fx 2027-03-18.", badDate.Text);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(m => m.ProcessId == id)));

        var observed = await anne.SubmitAsync(page.Document, "form[action$='handler=Observation']", new Dictionary<string, string>
        {
            ["Observation.Subject"] = "Venteværelset",
            ["Observation.Text"] = "Folk venter længe uden at vide hvorfor.",
            ["Observation.Surprise"] = "Ingen spurgte skranken.",
        });
        Assert.Contains("Observationen er gemt i forløbets materiale.", observed.Text);
        var mourned = await anne.SubmitAsync(page.Document, "form[action$='handler=Obituary']", new Dictionary<string, string> { ["Obituary.Text"] = "Kaffen og at nogen kendte mit navn." });
        Assert.Contains("Nekrologen er gemt i forløbets materiale.", mourned.Text);
        Assert.Equal(["0 interviews", "1 observation", "1 nekrolog", "0 fotos"],
            mourned.Document.QuerySelectorAll(".key-figures li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public async Task SomeoneOutsideTheProcess_NeitherSeesNorAddsMaterial()
    {
        var stranger = await factory.UserAsync("Udenforstående");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Plejecenter Lyset");
        using var mallory = await factory.SignedInAsync(stranger);
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.GetAsync($"/kerneopgave/{id}/materiale")).Status);
        var token = (await mallory.GetAsync("/kerneopgave/tjek")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var post = await mallory.PostRawAsync($"/kerneopgave/{id}/materiale?handler=Obituary", new Dictionary<string, string> { ["Obituary.Text"] = "Spam", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(m => m.ProcessId == id)));
    }

    [Fact]
    public async Task DeletingTheAccount_KeepsWhatTheParticipantWrote_UnderAFormerParticipant()
    {
        var email = await factory.UserAsync("Karina Kursist");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Sprogcentret", (email, "Karina Kursist", CoreTaskRole.Citizen));
        using var karina = await factory.SignedInAsync(email);
        var page = await karina.GetAsync($"/kerneopgave/{id}/materiale");
        await karina.SubmitAsync(page.Document, "form[action$='handler=Obituary']", new Dictionary<string, string> { ["Obituary.Text"] = "Fællesskabet i frikvarteret." });
        var delete = await karina.GetAsync("/konto/slet");
        var done = await karina.SubmitAsync(delete.Document, "main form", new Dictionary<string, string> { ["ConfirmEmail"] = email });
        Assert.Contains("Din konto er slettet.", done.Text, StringComparison.Ordinal);

        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var material = await anne.GetAsync($"/kerneopgave/{id}/materiale");
        Assert.Contains("Fællesskabet i frikvarteret.", material.Text);
        Assert.DoesNotContain("Karina Kursist", material.Text);
        Assert.Contains("Tidligere deltager", material.Text);
        Assert.DoesNotContain("Karina Kursist", (await anne.GetAsync($"/kerneopgave/{id}/deltagere")).Text);
    }
}
