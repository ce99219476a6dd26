using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>The record of a process: the printable report and the XLSX of all its data.</summary>
public class CoreTaskReportTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task TheReport_ShowsTheInsightsWithTheirValidation_AndTheChosenFormulationFrom10To20_AndTheXlsxHasEverything()
    {
        var outsider = await factory.UserAsync("Ulla Udenfor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Genoptræningen Nord", (null, "Birthe, borger", CoreTaskRole.Citizen));
        await factory.WithDbAsync(async db =>
        {
            var people = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var insight = new CoreTaskInsight { ProcessId = id, Title = "Borgeren vil kunne gå til bageren igen", CreatedById = people[0], CreatedAt = DateTimeOffset.UtcNow };
            db.CoreTaskInsights.Add(insight);
            await db.SaveChangesAsync();
            db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = id, Kind = MaterialKind.Interview, Text = "Jeg vil selv kunne hente rundstykker.", WhySteps = ["Fordi det er min søndag."], UnderlyingNeed = "At klare sig selv", AuthorId = people[1], CreatedAt = DateTimeOffset.UtcNow, InsightId = insight.Id });
            db.InsightValidations.AddRange(
                new InsightValidation { InsightId = insight.Id, ParticipantId = people[0], Verdict = InsightVerdict.Agree, At = DateTimeOffset.UtcNow },
                new InsightValidation { InsightId = insight.Id, ParticipantId = people[1], Verdict = InsightVerdict.Partly, Comment = "Også til banko.", At = DateTimeOffset.UtcNow });
            var f = new CoreTaskFormulation { ProcessId = id, CreatedById = people[0], CreatedAt = DateTimeOffset.UtcNow, LatestNumber = 2 };
            f.Versions.Add(new FormulationVersion { Number = 1, Text = "Vi tilbyder genoptræning efter serviceloven.", Answers = [], AuthorId = people[0], CreatedAt = DateTimeOffset.UtcNow });
            f.Versions.Add(new FormulationVersion { Number = 2, Text = "Borgeren oplever at kunne klare sin hverdag selv igen og er med til at sætte målene for sin træning.", Answers = [], AuthorId = people[0], CreatedAt = DateTimeOffset.UtcNow });
            db.CoreTaskFormulations.Add(f);
            await db.SaveChangesAsync();
            return await db.CoreTaskProcesses.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ChosenFormulationId, f.Id));
        });
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var report = await anne.GetAsync($"/kerneopgave/{id}/rapport");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var row = report.Document.QuerySelectorAll("tbody tr").Single().Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Borgeren vil kunne gå til bageren igen", "1", "1", "1", "0", "1"], row);
        var chosen = report.Document.QuerySelector(".report-formulation")!.TextContent;
        Assert.Contains("Den valgte formulering", chosen);
        Assert.Contains("Version 1", chosen);
        Assert.Contains("Version 1.0: skrevet fra medarbejdernes hjemmebane", chosen);
        Assert.Contains("Version 2.0: skrevet fra borgerens oplevede velfærd", chosen);
        Assert.True(chosen.IndexOf("Version 1.0", StringComparison.Ordinal) < chosen.IndexOf("Version 2.0", StringComparison.Ordinal));

        var response = await anne.Http.GetAsync($"/kerneopgave/{id}/rapport?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        var names = xlsx.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Deltagere", "Indledende spørgsmål", "Materiale", "Indsigter", "Validering", "Formuleringer", "Tilsagn"], names);
        var all = string.Join("|", xlsx.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InnerText));
        Assert.Contains("Jeg vil selv kunne hente rundstykker.", all);
        Assert.Contains("Fordi det er min søndag.", all);
        Assert.Contains("Også til banko.", all);

        using var ulla = await factory.SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.Forbidden, (await ulla.GetAsync($"/kerneopgave/{id}/rapport")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ulla.Http.GetAsync($"/kerneopgave/{id}/rapport?handler=Xlsx")).StatusCode);
    }
}
