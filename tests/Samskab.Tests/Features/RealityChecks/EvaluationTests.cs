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
