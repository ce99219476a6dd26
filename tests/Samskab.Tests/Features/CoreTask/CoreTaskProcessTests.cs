using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>A core-task process from setting it up to the chosen formulation, through the pages, with who may do what.</summary>
public class CoreTaskProcessTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheAnchorPerson_SetsUpAProcess_AndInvitesACitizenWithoutAccount_AndAStaffMemberWithOne()
    {
        var staff = await factory.UserAsync("Søren Pædagog");
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var start = await anne.GetAsync("/kerneopgave");
        Assert.NotNull(start.Document.QuerySelector("a[href='/kerneopgave/nyt']"));

        var form = await anne.GetAsync("/kerneopgave/nyt");
        var empty = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.UnitName"] = "  " });
        Assert.Contains("Skriv, hvilken enhed kerneopgaven gælder.", empty.Text);
        var created = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.UnitName"] = "Børnehuset Mælkebøtten",
            ["Input.MyRole"] = "Leader",
            ["Input.BlankCanvas"] = "true",
        });
        Assert.Matches(@"/kerneopgave/\d+/deltagere$", created.Response.RequestMessage!.RequestUri!.AbsolutePath);
        var id = int.Parse(created.Response.RequestMessage.RequestUri.AbsolutePath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

        var noName = await anne.SubmitAsync(created.Document, "form[action$='handler=Add']", new Dictionary<string, string> { ["Input.Role"] = "Citizen" });
        Assert.Contains("Skriv deltagerens navn, eller mailadressen på deltagerens konto.", noName.Text);
        var unknown = await anne.SubmitAsync(created.Document, "form[action$='handler=Add']", new Dictionary<string, string> { ["Input.Email"] = "ingen@eksempel.dk", ["Input.Role"] = "Staff" });
        Assert.Contains("Der er ingen konto med den mailadresse.", unknown.Text);
        Assert.Equal("ingen@eksempel.dk", unknown.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        await anne.SubmitAsync(created.Document, "form[action$='handler=Add']", new Dictionary<string, string> { ["Input.Name"] = "Mette, mor til Oliver", ["Input.Role"] = "Citizen" });
        var withStaff = await anne.SubmitAsync(created.Document, "form[action$='handler=Add']", new Dictionary<string, string> { ["Input.Email"] = staff, ["Input.Role"] = "Staff" });
        Assert.Contains("Søren Pædagog er med i forløbet som medarbejder.", withStaff.Text);
        var twice = await anne.SubmitAsync(created.Document, "form[action$='handler=Add']", new Dictionary<string, string> { ["Input.Email"] = staff, ["Input.Role"] = "Staff" });
        Assert.Contains("Søren Pædagog er allerede med i forløbet.", twice.Text);

        var overview = await anne.GetAsync($"/kerneopgave/{id}");
        Assert.Equal("step", overview.Document.QuerySelector(".phase-step--current")!.GetAttribute("aria-current"));
        Assert.Contains("Det gode indledende spørgsmål", overview.Document.QuerySelector(".phase-step--current")!.TextContent);
        Assert.Contains("Start på et blankt lærred", overview.Text);
        Assert.Contains("Borger eller bruger: 1", overview.Text);

        // The staff member sees the list of people but not their e-mail addresses, and has no owner's buttons.
        using var søren = await factory.SignedInAsync(staff);
        var list = await søren.GetAsync($"/kerneopgave/{id}/deltagere");
        Assert.Contains("Mette, mor til Oliver", list.Text);
        Assert.DoesNotContain(GivenCoreTask.AnchorEmail, list.Body);
        Assert.Null(list.Document.QuerySelector("form[action$='handler=Add']"));
        Assert.Null((await søren.GetAsync($"/kerneopgave/{id}")).Document.QuerySelector("form[action$='handler=Phase']"));
        Assert.Contains(staff, (await anne.GetAsync($"/kerneopgave/{id}/deltagere")).Body);
    }

    [Fact]
    public async Task SomeoneOutsideTheProcess_IsRefusedEveryPageAndEveryWrite_AndAnIdFromAnotherProcessIsNotFound()
    {
        var stranger = await factory.UserAsync("Yesterday's Account");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Vest");
        var other = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Øst");
        var questionElsewhere = await factory.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.FirstAsync(p => p.ProcessId == other);
            var q = new OpeningQuestion { ProcessId = other, Text = "Hvad er vigtigt for dig?", ProposedById = owner.Id, CreatedAt = DateTimeOffset.UtcNow };
            db.OpeningQuestions.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });
        using var mallory = await factory.SignedInAsync(stranger);
        using var anonymous = factory.CreateAppClient();
        foreach (var page in new[] { "", "/deltagere", "/spoergsmaal", "/formuleringer" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await mallory.GetAsync($"/kerneopgave/{id}{page}")).Status);
            var anon = await anonymous.GetAsync($"/kerneopgave/{id}{page}", follow: false);
            Assert.StartsWith("/konto/log-ind", new Uri(new Uri("http://localhost"), anon.Location!).AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.GetAsync("/kerneopgave/nyt")).Status);
        Assert.DoesNotContain("Jobcenter Vest", (await mallory.GetAsync("/kerneopgave")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync("/kerneopgave/999999")).Status);

        // Writes with a valid antiforgery token from a page the stranger may see.
        var token = (await mallory.GetAsync("/kerneopgave/tjek")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/kerneopgave/{id}/spoergsmaal?handler=Propose", new() { ["Input.Text"] = "Et spørgsmål" }),
            ($"/kerneopgave/{id}/formuleringer?handler=Save", new() { ["Input.Text"] = "Barnet trives." }),
            ($"/kerneopgave/{id}/deltagere?handler=Add", new() { ["Input.Name"] = "Mallory", ["Input.Role"] = "Joker" }),
            ($"/kerneopgave/{id}?handler=Phase", new() { ["fase"] = "Definition" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            Assert.Equal(HttpStatusCode.Forbidden, (await mallory.PostRawAsync(url, fields)).Status);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.OpeningQuestions.CountAsync(q => q.ProcessId == id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CoreTaskParticipants.CountAsync(p => p.ProcessId == id)));

        // The owner of both cannot choose, in this process, a question that belongs to the other.
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var questions = await anne.GetAsync($"/kerneopgave/{id}/spoergsmaal");
        var annesToken = questions.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await anne.PostRawAsync($"/kerneopgave/{id}/spoergsmaal?handler=Choose", new Dictionary<string, string> { ["spoergsmaal"] = S(questionElsewhere), ["__RequestVerificationToken"] = annesToken })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anne.PostRawAsync($"/kerneopgave/{id}/spoergsmaal?handler=Comment", new Dictionary<string, string> { ["spoergsmaal"] = S(questionElsewhere), ["Comment.Text"] = "Hej", ["__RequestVerificationToken"] = annesToken })).Status);
        Assert.Null(await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.ChosenQuestionId).SingleAsync()));
    }

    [Fact]
    public async Task ParticipantsProposeAndDiscussOpeningQuestions_AndTheOwnerChoosesOne()
    {
        var citizen = await factory.UserAsync("Fatima Borger");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Genoptræningscenter Syd", (citizen, "Fatima Borger", CoreTaskRole.Citizen));
        using var fatima = await factory.SignedInAsync(citizen);
        var page = await fatima.GetAsync($"/kerneopgave/{id}/spoergsmaal");
        var tooLong = await fatima.SubmitAsync(page.Document, "form[action$='handler=Propose']", new Dictionary<string, string> { ["Input.Text"] = new string('x', 501) });
        Assert.Contains("Spørgsmålet må højst være 500 tegn.", tooLong.Text);
        var proposed = await fatima.SubmitAsync(page.Document, "form[action$='handler=Propose']", new Dictionary<string, string> { ["Input.Text"] = "Hvornår mærker du, at du bliver stærkere?" });
        Assert.Contains("Foreslået af Fatima Borger (borger eller bruger)", proposed.Text);
        var again = await fatima.SubmitAsync(proposed.Document, "form[action$='handler=Propose']", new Dictionary<string, string> { ["Input.Text"] = "hvornår mærker du, at du bliver stærkere?" });
        Assert.Contains("Det spørgsmål er allerede foreslået.", again.Text);
        var emptyComment = await fatima.SubmitAsync(proposed.Document, "form[action$='handler=Comment']", new Dictionary<string, string> { ["Comment.Text"] = "" });
        Assert.Contains("Skriv din kommentar.", emptyComment.Text);
        var commented = await fatima.SubmitAsync(proposed.Document, "form[action$='handler=Comment']", new Dictionary<string, string> { ["Comment.Text"] = "Det er det, jeg tænker på hver dag." });
        Assert.Contains("Det er det, jeg tænker på hver dag.", commented.Text);
        // A participant may not choose.
        Assert.Null(commented.Document.QuerySelector("form[action$='handler=Choose']"));
        var token = commented.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var questionId = await factory.WithDbAsync(db => db.OpeningQuestions.Where(q => q.ProcessId == id).Select(q => q.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await fatima.PostRawAsync($"/kerneopgave/{id}/spoergsmaal?handler=Choose", new Dictionary<string, string> { ["spoergsmaal"] = S(questionId), ["__RequestVerificationToken"] = token })).Status);

        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var chosen = await anne.SubmitAsync((await anne.GetAsync($"/kerneopgave/{id}/spoergsmaal")).Document, "form[action$='handler=Choose']");
        Assert.Contains("Spørgsmålet er valgt.", chosen.Text);
        Assert.Contains("Hvornår mærker du, at du bliver stærkere?", (await fatima.GetAsync($"/kerneopgave/{id}")).Document.QuerySelector(".chosen-question")!.TextContent);
    }

    [Fact]
    public async Task AStaffMember_ChecksA10Formulation_SeesWhy_ImprovesItTo20_AndTheOwnerChoosesIt()
    {
        var staff = await factory.UserAsync("Lone Jobkonsulent");
        var citizen = await factory.UserAsync("Ali Ledig");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Nord", (staff, "Lone Jobkonsulent", CoreTaskRole.Staff), (citizen, "Ali Ledig", CoreTaskRole.Citizen));
        using var lone = await factory.SignedInAsync(staff);
        var page = await lone.GetAsync($"/kerneopgave/{id}/formuleringer");
        const string first = "Vores kerneopgave er at understøtte borgerne i at komme i job.";
        var checkedPage = await lone.SubmitAsync(page.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Text"] = first }, submitName: "handler=Check");
        Assert.Contains("Version 1.0: skrevet fra medarbejdernes hjemmebane", checkedPage.Document.QuerySelector(".check-result")!.TextContent);
        Assert.Equal(["understøtte1", "borgerne2"], checkedPage.Document.QuerySelectorAll(".check-result mark").Select(m => m.TextContent));
        Assert.Contains("»understøtte« beskriver, hvad de professionelle gør", checkedPage.Text);
        // Checking kept the text in the form and saved nothing.
        Assert.Equal(first, checkedPage.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskFormulations.CountAsync(f => f.ProcessId == id)));

        var badPerspective = await lone.SubmitAsync(page.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Text"] = first, ["Input.Perspective"] = "Nonsense" });
        Assert.Contains("Værdien 'Nonsense' er ikke gyldig.", badPerspective.Text);
        Assert.Equal(first, badPerspective.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Text")!.Value);
        var saved = await lone.SubmitAsync(checkedPage.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Answers[2]"] = "Den ledige, der har været uden arbejde i mere end et år." });
        Assert.Contains("Formuleringen er gemt som version 1.", saved.Text);
        var fid = await factory.WithDbAsync(db => db.CoreTaskFormulations.Where(f => f.ProcessId == id).Select(f => f.Id).SingleAsync());
        Assert.Contains("Den ledige, der har været uden arbejde i mere end et år.", saved.Text);
        Assert.Equal(first, saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Text")!.Value);

        // The same text again is not a new version; an improved one is, and the check now finds it to be 2.0.
        var same = await lone.SubmitAsync(saved.Document, "form[action$='handler=Save']");
        Assert.Contains("Formuleringen er den samme som den nyeste version.", same.Text);
        const string second = "Den ledige oplever, at hun selv er med til at finde et arbejde, der giver mening – på kort og lang sigt.";
        var improved = await lone.SubmitAsync(saved.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Text"] = second });
        Assert.Contains("Version 2 er gemt.", improved.Text);
        Assert.Contains("Version 2.0: skrevet fra borgerens oplevede velfærd", improved.Document.QuerySelector(".check-result")!.TextContent);
        Assert.Contains("Fra version 1 til version 2", improved.Text);
        Assert.Contains(first, improved.Document.QuerySelector(".version-history")!.TextContent);

        // Someone writing from version 1 meanwhile keeps their text and is told of version 2.
        var stale = await lone.SubmitAsync(saved.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Text"] = "Mit udkast, som ikke må gå tabt." });
        Assert.Contains("Der er gemt en nyere version (version 2), mens du skrev.", stale.Text);
        Assert.Equal("Mit udkast, som ikke må gå tabt.", stale.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Equal(2, await factory.WithDbAsync(db => db.FormulationVersions.CountAsync(v => v.FormulationId == fid)));

        // A citizen in the process reads the formulations but does not write them; only an owner chooses.
        using var ali = await factory.SignedInAsync(citizen);
        var read = await ali.GetAsync($"/kerneopgave/{id}/formuleringer/{S(fid)}");
        Assert.Contains(second, read.Text);
        Assert.Null(read.Document.QuerySelector("form[action$='handler=Save']"));
        Assert.Null(read.Document.QuerySelector("form[action$='handler=Choose']"));
        var token = read.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? (await ali.GetAsync("/kerneopgave/tjek")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Forbidden, (await ali.PostRawAsync($"/kerneopgave/{id}/formuleringer/{S(fid)}?handler=Save", new Dictionary<string, string> { ["Input.Text"] = "Ali skriver.", ["Input.BasedOn"] = "2", ["__RequestVerificationToken"] = token })).Status);
        Assert.Null(read.Document.QuerySelector("form[action$='handler=Choose']"));

        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var toChoose = await anne.GetAsync($"/kerneopgave/{id}/formuleringer/{S(fid)}");
        Assert.Null(toChoose.Document.QuerySelector("#bekraeft"));
        var chosen = await anne.SubmitAsync(toChoose.Document, "form[action$='handler=Choose']");
        Assert.Contains("Formuleringen er valgt som kerneopgaven.", chosen.Text);
        Assert.Contains(second, chosen.Document.QuerySelector(".chosen-question:last-of-type")!.TextContent);

        // A formulation id of another process is not found here.
        var other = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Syd");
        Assert.Equal(HttpStatusCode.NotFound, (await anne.GetAsync($"/kerneopgave/{other}/formuleringer/{S(fid)}")).Status);
    }

    [Fact]
    public async Task ChoosingA10Formulation_AsksForATick_AndTheCitizenCampWaitsForAChosenFormulation()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Skolen ved Søen");
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var overview = await anne.GetAsync($"/kerneopgave/{id}");
        var camp = await anne.SubmitAsync(overview.Document, "form[action$='handler=Phase']", new Dictionary<string, string> { ["fase"] = "CitizenCamp" });
        Assert.Contains("Vælg først en formulering af kerneopgaven", camp.Text);
        var moved = await anne.SubmitAsync(overview.Document, "form[action$='handler=Phase']", new Dictionary<string, string> { ["fase"] = "Definition" });
        Assert.Contains("Forløbet er nu i fasen »Kerneopgaven defineres«.", moved.Text);
        // A second owner's form from before the move does not overwrite it.
        var stale = await anne.SubmitAsync(overview.Document, "form[action$='handler=Phase']", new Dictionary<string, string> { ["fase"] = "Exploration" });
        Assert.Contains("En anden har ændret forløbet imens.", stale.Text);
        Assert.Equal(CoreTaskPhase.Definition, await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));

        var formulations = await anne.GetAsync($"/kerneopgave/{id}/formuleringer");
        var saved = await anne.SubmitAsync(formulations.Document, "form[action$='handler=Save']", new Dictionary<string, string> { ["Input.Text"] = "Skolen underviser eleverne i fagene." });
        var refused = await anne.SubmitAsync(saved.Document, "form[action$='handler=Choose']");
        Assert.Contains("Tjekket finder ikke, at formuleringen er version 2.0. Sæt kryds", refused.Text);
        Assert.Null(await factory.WithDbAsync(db => db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => p.ChosenFormulationId).SingleAsync()));
        var chosen = await anne.SubmitAsync(refused.Document, "form[action$='handler=Choose']", new Dictionary<string, string> { ["bekraeft"] = "true" });
        Assert.Contains("Formuleringen er valgt som kerneopgaven.", chosen.Text);
        var toCamp = await anne.SubmitAsync(chosen.Document, "form[action$='handler=Phase']", new Dictionary<string, string> { ["fase"] = "CitizenCamp" });
        Assert.Contains("Forløbet er nu i fasen »Borgercamp«.", toCamp.Text);
    }

    [Fact]
    public async Task TheCheck_IsAPageForAnyone_AndAJsonApi_ThatRefusesBadInputInDanish()
    {
        using var visitor = factory.CreateAppClient();
        var page = await visitor.GetAsync("/kerneopgave/tjek");
        var empty = await visitor.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Text"] = "" });
        Assert.Contains("Skriv den formulering, der skal tjekkes.", empty.Text);
        var result = await visitor.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Text"] = "Vi tilbyder borgerne <b>kurser</b>." });
        Assert.Contains("Version 1.0", result.Document.QuerySelector(".check-result")!.TextContent);
        Assert.Null(result.Document.QuerySelector(".check-result b"));

        const string text = "Vi sikrer, at de ledige kommer i job.";
        var response = await visitor.Http.PostAsJsonAsync("/api/v1/core-task/check", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1.0", json.RootElement.GetProperty("version").GetString());
        var verb = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "activity-verb");
        Assert.Equal("sikrer", text.Substring(verb.GetProperty("start").GetInt32(), verb.GetProperty("length").GetInt32()));
        Assert.Contains("»sikrer« beskriver, hvad de professionelle gør", verb.GetProperty("message").GetString());

        var missing = await visitor.Http.PostAsJsonAsync("/api/v1/core-task/check", new { tekst = "forkert felt" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Formuleringen mangler", await missing.Content.ReadAsStringAsync());
        var tooLong = await visitor.Http.PostAsJsonAsync("/api/v1/core-task/check", new { text = new string('a', 4001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var broken = new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json");
        var bad = await visitor.Http.PostAsync("/api/v1/core-task/check", broken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }
}
