using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Initiatives;
using Xunit;

namespace Samskab.Tests.Features.Actors;

public class ActorTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task AddActor_NewPersonAndOrganisation_AppearsInOverviewWithConsentRecorded()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Aktører tilføjes");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync($"/initiativer/{id}/aktoerer/ny");
        var missingType = await anne.SubmitAsync(form.Document, "form[action*='handler=New']", new Dictionary<string, string> { ["Input.Name"] = "Kirsten Kro", ["Input.NewOrganisation"] = "Kroen i Engen" });
        Assert.Contains("Vælg organisationens type.", missingType.Text);

        var added = await anne.SubmitAsync(form.Document, "form[action*='handler=New']", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kirsten Kro",
            ["Input.Title"] = "Kroejer",
            ["Input.Email"] = "kirsten@kroen.dk",
            ["Input.NewOrganisation"] = "Kroen i Engen",
            ["Input.NewOrganisationType"] = "Business",
            ["Input.SharesContactDetails"] = "true",
        });
        Assert.Contains("Kirsten Kro er tilføjet initiativet.", added.Text);
        var overview = await anne.GetAsync($"/initiativer/{id}/aktoerer");
        Assert.Contains("Kirsten Kro", overview.Text);
        Assert.Contains("Kroen i Engen", overview.Text);
        var consent = await factory.WithDbAsync(db => db.ContactConsents.Where(c => db.People.Any(p => p.Id == c.PersonId && p.Name == "Kirsten Kro")).ToListAsync());
        Assert.True(Assert.Single(consent).Given);

        var again = await anne.SubmitAsync(form.Document, "form[action*='handler=New']", new Dictionary<string, string> { ["Input.Name"] = "Kirsten Kro igen", ["Input.Email"] = "kirsten@kroen.dk" });
        Assert.Contains("En aktør med denne e-mailadresse er allerede med i initiativet.", again.Text);
    }

    [Fact]
    public async Task EditMember_WithdrawConsent_AppendsHistoryAndHidesContactInExport()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var memberId = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Person!.Name == "Mette Lund").Select(m => m.Id).SingleAsync());
        var csvBefore = await anne.Http.GetStringAsync($"/initiativer/{id}/aktoerer?handler=Csv");
        Assert.Contains("mette.0@demo.samskab.dk", csvBefore, StringComparison.Ordinal);

        var page = await anne.GetAsync($"/initiativer/{id}/aktoerer/{memberId}");
        var saved = await anne.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.SharesContactDetails"] = "false", ["Input.Stance"] = "Neutral" });
        Assert.Contains("Mette Lund er gemt.", saved.Text);

        var history = await factory.WithDbAsync(db => db.ContactConsents.Where(c => db.People.Any(p => p.Id == c.PersonId && p.Name == "Mette Lund")).OrderBy(c => c.At).Select(c => c.Given).ToListAsync());
        Assert.Equal([true, false], history);
        var csvAfter = await anne.Http.GetStringAsync($"/initiativer/{id}/aktoerer?handler=Csv");
        Assert.DoesNotContain("mette.0@demo.samskab.dk", csvAfter, StringComparison.Ordinal);
        Assert.Equal(Stance.Neutral, await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.Id == memberId).Select(m => m.Stance).SingleAsync()));
    }

    [Fact]
    public async Task Overview_FilterAndExports()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var id = await factory.DemoInitiativeIdAsync();
        var against = await anne.GetAsync($"/initiativer/{id}/aktoerer?stance=Against");
        var names = against.Document.QuerySelectorAll("#actors-table tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Contains(names, n => n.Contains("Thomas Krogh"));
        Assert.DoesNotContain(names, n => n.Contains("Mette Lund"));
        Assert.NotNull(against.Document.QuerySelector("figure svg[role='img'] title"));

        var search = await anne.GetAsync($"/initiativer/{id}/aktoerer?q=Natteravnene");
        Assert.Equal(2, search.Document.QuerySelectorAll("#actors-table tbody tr").Length);

        var response = await anne.Http.GetAsync($"/initiativer/{id}/aktoerer?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal("Navn", rows[0].Elements<Cell>().First().InnerText);
        Assert.True(rows.Count >= 31);
        Assert.Contains(rows, r => r.Elements<Cell>().First().InnerText == "Thomas Krogh");
    }

    [Fact]
    public async Task Overview_ActorCanRead_ObserverCannotSee_ActorCannotEdit()
    {
        var id = await factory.DemoInitiativeIdAsync();
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/initiativer/{id}/aktoerer");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector($"a[href='/initiativer/{id}/aktoerer/ny']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/initiativer/{id}/aktoerer/ny")).Status);
        var observer = await factory.AccountForAsync("Nina Poulsen");
        using var nina = await factory.SignedInAsync(observer);
        Assert.Equal(HttpStatusCode.Forbidden, (await nina.GetAsync($"/initiativer/{id}/aktoerer")).Status);
    }

    [Fact]
    public async Task CsvExport_DefusesFormulas()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Formler");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync($"/initiativer/{id}/aktoerer/ny");
        await anne.SubmitAsync(form.Document, "form[action*='handler=New']", new Dictionary<string, string> { ["Input.Name"] = "=HYPERLINK(\"http://x\")" });
        var csv = await anne.Http.GetStringAsync($"/initiativer/{id}/aktoerer?handler=Csv");
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisations_CreateAndEditContactDetails_OnlyForThoseWhoManageActors()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync("/organisationer");
        var bad = await anne.SubmitAsync(page.Document, "section.action-box form", new Dictionary<string, string> { ["Input.Name"] = "Engby Bibliotek", ["Input.Type"] = "Municipality", ["Input.Website"] = "ikke en adresse" });
        Assert.Contains("Skriv en hel webadresse, fx https://eksempel.dk.", bad.Text);
        var saved = await anne.SubmitAsync(page.Document, "section.action-box form", new Dictionary<string, string> { ["Input.Name"] = "Engby Bibliotek", ["Input.Type"] = "Municipality", ["Input.Phone"] = "+45 89 89 89 89" });
        Assert.Contains("Engby Bibliotek er gemt.", saved.Text);
        Assert.Contains("+45 89 89 89 89", saved.Text);
        var duplicate = await anne.SubmitAsync(page.Document, "section.action-box form", new Dictionary<string, string> { ["Input.Name"] = "Engby Bibliotek", ["Input.Type"] = "Municipality" });
        Assert.Contains("Der findes allerede en organisation med det navn.", duplicate.Text);

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync("/organisationer")).Status);
    }
}
