using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Goals;
using Xunit;

namespace Samskab.Tests.Features.Goals;

public class GoalTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static Dictionary<string, string> Quantitative(string title, string baseline = "20", string? date = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = "Quantitative",
        ["Input.Horizon"] = "ShortTerm",
        ["Input.Indicator"] = "henvendelser pr. måned",
        ["Input.Unit"] = "henvendelser",
        ["Input.BaselineValue"] = baseline,
        ["Input.BaselineDate"] = date ?? DateTime.UtcNow.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.TargetValue"] = "8",
    };

    [Fact]
    public async Task Coordinator_SetsThreeGoalsOfEachKind_WithBaselines_MeasuresAndSeesTheChart()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Mål 1", "Målplatform");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var list = await tobias.GetAsync($"/platforme/{platforms[0]}/maal");
        Assert.Contains("Platformen har 0 mål. Metoden anbefaler 3–5 mål", list.Text);

        var form = await tobias.GetAsync($"/platforme/{platforms[0]}/maal/nyt?art=Quantitative");
        var quantitative = await tobias.SubmitAsync(form.Document, "main form", Quantitative("Færre henvendelser", "20,5"));
        Assert.Contains("Målet er gemt.", quantitative.Text);
        var measurePage = quantitative;
        var measured = await tobias.SubmitAsync(measurePage.Document, "form[action*='handler=Measurement']", new Dictionary<string, string> { ["Value"] = "17" });
        Assert.Contains("Målingen er gemt.", measured.Text);
        Assert.NotNull(measured.Document.QuerySelector("figure svg[role='img'] title"));
        Assert.Contains("Målinger for Færre henvendelser", measured.Document.QuerySelector("figure table caption")!.TextContent);
        Assert.Equal(2, measured.Document.QuerySelectorAll("figure table tbody tr").Length);

        await tobias.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "De unge oplever banen som deres",
            ["Input.Kind"] = "Qualitative",
            ["Input.Method"] = "Interview",
            ["Input.BaselineDescription"] = "De unge siger, banen ikke er for dem.",
        });
        var noWeaknesses = await tobias.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ungeråd giver ejerskab",
            ["Input.Kind"] = "Hypothesis",
            ["Input.ExpectedInfluence"] = "Mindre konflikt",
            ["Input.Argument"] = "Erfaringer andre steder",
            ["Input.BaselineDescription"] = "Intet ungeråd",
        });
        Assert.Contains("En hypotese skal beskrive sine svagheder – metoden kræver det.", noWeaknesses.Text);
        Assert.Equal("Ungeråd giver ejerskab", noWeaknesses.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        await tobias.SubmitAsync(noWeaknesses.Document, "main form", new Dictionary<string, string> { ["Input.Weaknesses"] = "Effekten kan ikke isoleres." });

        var after = await tobias.GetAsync($"/platforme/{platforms[0]}/maal");
        Assert.Contains("Platformen har 3 mål – som metoden anbefaler (3–5).", after.Text);
        var goals = await factory.WithDbAsync(db => db.Goals.Where(g => g.PlatformId == platforms[0]).ToListAsync());
        Assert.Equal([GoalKind.Quantitative, GoalKind.Qualitative, GoalKind.Hypothesis], goals.OrderBy(g => g.Id).Select(g => g.Kind));
        Assert.All(goals, g => Assert.True(g.HasBaseline));
        Assert.Equal(20.5m, goals[0].BaselineValue);
    }

    [Fact]
    public async Task NewGoal_AsksTheKindFirst_ThenShowsOnlyThatKindsFields()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Mål trin", "Trinplatform");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var chooser = await aisha.GetAsync($"/platforme/{platforms[0]}/maal/nyt");
        Assert.Equal(3, chooser.Document.QuerySelectorAll("input[name='art']").Length);
        Assert.Null(chooser.Document.QuerySelector("#Input_Title"));
        var quantitative = await aisha.GetAsync($"/platforme/{platforms[0]}/maal/nyt?art=Quantitative");
        Assert.NotNull(quantitative.Document.QuerySelector("#Input_BaselineValue"));
        Assert.Null(quantitative.Document.QuerySelector("#Input_Weaknesses"));
        Assert.Null(quantitative.Document.QuerySelector("#Input_BaselineDescription"));
        var hypothesis = await aisha.GetAsync($"/platforme/{platforms[0]}/maal/nyt?art=Hypothesis");
        Assert.NotNull(hypothesis.Document.QuerySelector("#Input_Weaknesses"));
        Assert.Null(hypothesis.Document.QuerySelector("#Input_BaselineValue"));
        Assert.Null(hypothesis.Document.QuerySelector("#Input_Method"));
        Assert.Equal("Hypothesis", hypothesis.Document.QuerySelector("input[name='Input.Kind']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Measurement_BeforeBaseline_OrNotANumber_IsRefused_AndNothingIsLost()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Mål 2", "Målplatform 2");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var form = await aisha.GetAsync($"/platforme/{platforms[0]}/maal/nyt?art=Quantitative");
        var goal = await aisha.SubmitAsync(form.Document, "main form", Quantitative("Flere i aktiviteter", "10", "2026-01-15"));
        var before = await aisha.SubmitAsync(goal.Document, "form[action*='handler=Measurement']", new Dictionary<string, string> { ["Date"] = "2026-01-01", ["Value"] = "12" });
        Assert.Contains("Målingen ligger før baseline", before.Text);
        var text = await aisha.SubmitAsync(goal.Document, "form[action*='handler=Measurement']", new Dictionary<string, string> { ["Value"] = "tolv", ["Note"] = "Talt ved indgangen" });
        Assert.Contains("Skriv et tal, fx 12 eller 12,5.", text.Text);
        Assert.Equal("Talt ved indgangen", text.Document.QuerySelector("#Note")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.GoalMeasurements.CountAsync(m => db.Goals.Any(g => g.Id == m.GoalId && g.PlatformId == platforms[0]))));
    }

    [Fact]
    public async Task GoalWithoutBaseline_IsNotSet_AndCannotBeMeasured()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Mål 3", "Målplatform 3");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var form = await aisha.GetAsync($"/platforme/{platforms[0]}/maal/nyt?art=Quantitative");
        var saved = await aisha.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "Uden baseline", ["Input.Kind"] = "Quantitative", ["Input.Indicator"] = "noget" });
        Assert.Contains("tæller først som sat, når det har en baseline", saved.Text);
        Assert.Contains("Ikke sat: mangler baseline", saved.Text);
        Assert.Null(saved.Document.QuerySelector("figure svg"));
    }

    [Fact]
    public async Task NonMember_CannotEditGoals_ButCanRead_AndDroppingNeedsAReason()
    {
        var light = await factory.PlatformIdAsync("Lys og stier");
        var goalId = await factory.WithDbAsync(db => db.Goals.Where(g => g.PlatformId == light).Select(g => g.Id).FirstAsync());
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var page = await tobias.GetAsync($"/maal/{goalId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Measurement']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await tobias.GetAsync($"/platforme/{light}/maal/nyt")).Status);

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var mine = await aisha.GetAsync($"/maal/{goalId}");
        var noReason = await aisha.SubmitAsync(mine.Document, "form[action*='handler=Status']", new Dictionary<string, string> { ["Status"] = "Dropped", ["StatusReason"] = "" });
        Assert.Contains("Skriv hvorfor", noReason.Text);
        var dropped = await aisha.SubmitAsync(mine.Document, "form[action*='handler=Status']", new Dictionary<string, string> { ["Status"] = "Behind", ["StatusReason"] = "Lamperne er forsinket" });
        Assert.Contains("Status er gemt.", dropped.Text);
    }

    [Fact]
    public async Task Api_GoalsWithKindHorizonBaselineAndMeasurements()
    {
        var youth = await factory.PlatformIdAsync("Unge og fællesarealer");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var goals = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/platforms/{youth}/goals");
        Assert.InRange(goals.GetArrayLength(), 3, 5);
        Assert.Equal(3, goals.EnumerateArray().Select(g => g.GetProperty("kind").GetString()).Distinct().Count());
        var first = goals.EnumerateArray().First(g => g.GetProperty("kind").GetString() == "Quantitative");
        Assert.True(first.GetProperty("hasBaseline").GetBoolean());
        Assert.True(first.GetProperty("measurements").GetArrayLength() >= 8);
    }
}

public class GoalChartTests
{
    [Theory]
    [InlineData(0, 17, 0, 20, 5)]
    [InlineData(0, 100, 0, 120, 20)]
    [InlineData(0, 3.2, 0, 4, 1)]
    [InlineData(-4, 11, -5, 15, 5)]
    [InlineData(0, 0.8, 0, 1, 0.2)]
    public void ValueAxis_HasRoundSteps_CoveringBothEnds(double low, double high, double min, double max, double step)
    {
        var scale = Samskab.Web.Features.Goals.GoalChart.NiceScale((decimal)low, (decimal)high);
        Assert.Equal(((decimal)min, (decimal)max, (decimal)step), scale);
    }
}
