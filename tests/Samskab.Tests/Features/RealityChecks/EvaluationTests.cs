using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.RealityChecks;

public class EvaluationTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Evaluation_ShowsGoalsRipplesAndChecks_AndExportsAWorkbookWithThreeSheets()
    {
        var id = await factory.DemoInitiativeIdAsync();
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/initiativer/{id}/evaluering");
        Assert.Contains("Flere unge i aktiviteter om aftenen", page.Text);
        Assert.Contains("12 unge", page.Text);
        Assert.Contains("mangler baseline", page.Text);
        Assert.Contains("Nabokommunen har bedt om at høre om Engen.", page.Text);
        Assert.Contains("Læg sammen med en anden platform", page.Text);

        var response = await aisha.Http.GetAsync($"/initiativer/{id}/evaluering?handler=Xlsx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        var names = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Mål", "Ringe i vandet", "Realitetstjek"], names);
    }

    [Fact]
    public async Task Evaluation_ShowsEachGoalsLatestMeasurement_TheNewestRipplesWithTotals_AndTheWorkbookHasEveryRipple()
    {
        var (id, platforms) = await factory.InitiativeWithPlatformsAsync("Evaluering med mange ringe", "Målplatformen");
        var start = new DateOnly(2026, 1, 1);
        await factory.WithDbAsync(async db =>
        {
            var goal = new Samskab.Web.Features.Goals.Goal
            {
                PlatformId = platforms[0],
                Title = "Flere frivillige",
                Kind = Samskab.Web.Features.Goals.GoalKind.Quantitative,
                Horizon = Samskab.Web.Features.Goals.GoalHorizon.ShortTerm,
                Unit = "frivillige",
                BaselineValue = 4,
                BaselineDate = start,
                TargetValue = 20,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var (day, value) in new[] { (10, 6m), (40, 9m), (25, 7m) })
            {
                goal.Measurements.Add(new Samskab.Web.Features.Goals.GoalMeasurement { MeasuredOn = start.AddDays(day), Value = value, ByName = "Tobias Tovholder", CreatedAt = DateTimeOffset.UtcNow });
            }
            db.Goals.Add(goal);
            for (var n = 1; n <= 30; n++)
            {
                var ripple = new Samskab.Web.Features.Ripples.Ripple
                {
                    InitiativeId = id,
                    What = $"Ring nummer {n:00}.",
                    HappenedOn = start.AddDays(n),
                    ByName = "Aisha Aktør",
                    CreatedAt = DateTimeOffset.UtcNow,
                    Category = n <= 18 ? Samskab.Web.Features.Ripples.RippleCategory.NewRelations : Samskab.Web.Features.Ripples.RippleCategory.NewIdeas,
                    Beneficiary = Samskab.Web.Features.Ripples.RippleBeneficiary.Ourselves,
                };
                ripple.Platforms.Add(new Samskab.Web.Features.Ripples.RipplePlatform { PlatformId = platforms[0] });
                db.Ripples.Add(ripple);
            }
            return await db.SaveChangesAsync();
        });

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/initiativer/{id}/evaluering");
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Flere frivillige", StringComparison.Ordinal));
        Assert.Contains("4 frivillige", row.TextContent);
        Assert.Contains("9 frivillige (10. feb. 2026)", row.TextContent);
        Assert.Contains("Ringe i vandet (30)", page.Text);
        Assert.Equal("Nye relationer: 18 · Nye idéer: 12", page.Document.QuerySelector("#ripple-categories")!.TextContent.Trim());
        var list = page.Document.QuerySelectorAll("h2").Single(h => h.TextContent.StartsWith("Ringe i vandet", StringComparison.Ordinal)).NextElementSibling;
        while (list is not null && list.LocalName != "ul")
        {
            list = list.NextElementSibling;
        }
        var listed = list!.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(20, listed.Count);
        Assert.Contains("Ring nummer 30.", listed[0]);
        Assert.DoesNotContain(listed, t => t.Contains("Ring nummer 10.", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/initiativer/{id}/ringe']"));

        var response = await anne.Http.GetAsync($"/initiativer/{id}/evaluering?handler=Xlsx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name! == "Ringe i vandet");
        var part = (WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!);
        Assert.Equal(31, part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public async Task PlanningAStatusMeeting_RemindsEachCoordinatorOfTheRealityCheck()
    {
        var (initiative, platforms) = await factory.InitiativeWithPlatformsAsync("Påmindelse om realitetstjek", "Platform med tovholder");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=StatusMeeting");
        await anne.SubmitAsync(form.Document, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Statusmøde med påmindelse",
            ["Input.Date"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Start"] = "17:00",
            ["Input.End"] = "19:00",
        });
        var reminders = (await factory.ToAsync("tovholder@demo.samskab.dk")).Where(m => m.Category == "RealityCheckReminder").ToList();
        var reminder = Assert.Single(reminders);
        Assert.Contains($"/platforme/{platforms[0]}/realitetstjek", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.ToAsync("aktoer@demo.samskab.dk"), m => m.Category == "RealityCheckReminder");
    }
}
