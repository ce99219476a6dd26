using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Ripples;
using Xunit;

namespace Samskab.Tests.Features.Ripples;

public class RippleTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Register_FromThePlatform_WithDefaults_AppearsInLogAndOnPlatform()
    {
        var id = await factory.DemoInitiativeIdAsync();
        var youth = await factory.PlatformIdAsync("Unge og fællesarealer");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var form = await aisha.GetAsync($"/initiativer/{id}/ringe/ny?platform={youth}");
        // Today as people in Denmark live it (not the UTC date, which differs late in the evening).
        Assert.Equal(Samskab.Web.Infrastructure.Web.DanishTime.ToDanish(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), form.Document.QuerySelector("#Input_HappenedOn")!.GetAttribute("value"));
        var saved = await aisha.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.What"] = "Pigerne fra 8. klasse vil lave en dansecafé i klubben.", ["Input.Category"] = "NewIdeas" });
        Assert.Contains("Tak! Ringen i vandet er registreret.", saved.Text);
        Assert.Contains("Pigerne fra 8. klasse vil lave en dansecafé i klubben.", saved.Text);
        var ripple = await factory.WithDbAsync(db => db.Ripples.Include(r => r.Platforms).SingleAsync(r => r.What.StartsWith("Pigerne fra 8. klasse")));
        Assert.Equal(RippleCategory.NewIdeas, ripple.Category);
        Assert.Equal(youth, Assert.Single(ripple.Platforms).PlatformId);
        Assert.Equal("Aisha Aktør", ripple.ByName);
    }

    [Fact]
    public async Task Register_BadInput_GivesDanishMessages_AndObserverIsRefused()
    {
        var id = await factory.DemoInitiativeIdAsync();
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var form = await aisha.GetAsync($"/initiativer/{id}/ringe/ny");
        var empty = await aisha.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.What"] = "" });
        Assert.Contains("Skriv, hvad der skete.", empty.Text);
        var future = await aisha.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.What"] = "x", ["Input.HappenedOn"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Contains("datoen kan ikke ligge i fremtiden", future.Text);
        var observer = await factory.AccountForAsync("Bo Frederiksen");
        using var bo = await factory.SignedInAsync(observer);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync($"/initiativer/{id}/ringe/ny")).Status);
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/initiativer/{id}/ringe")).Status);
    }

    [Fact]
    public async Task Log_FiltersAndExports_AndApi()
    {
        var id = await factory.DemoInitiativeIdAsync();
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var all = await anne.GetAsync($"/initiativer/{id}/ringe");
        var count = await factory.WithDbAsync(db => db.Ripples.CountAsync(r => r.InitiativeId == id));
        Assert.True(count >= 22);
        Assert.Contains($"{count} ringe i vandet", all.Text);
        var resources = await anne.GetAsync($"/initiativer/{id}/ringe?category=NewResources");
        Assert.All(resources.Document.QuerySelectorAll("ol.ripple-log li"), li => Assert.Contains("Nye ressourcer", li.TextContent));
        var resourceCount = await factory.WithDbAsync(db => db.Ripples.CountAsync(r => r.InitiativeId == id && r.Category == RippleCategory.NewResources));
        Assert.Equal(resourceCount, resources.Document.QuerySelectorAll("ol.ripple-log li").Length);
        var csv = await anne.Http.GetStringAsync($"/initiativer/{id}/ringe?handler=Csv&category=NewResources");
        Assert.Equal(resourceCount + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var xlsx = await anne.Http.GetAsync($"/initiativer/{id}/ringe?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        var api = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}/ripples?category=NewIdeas");
        Assert.True(api.GetArrayLength() >= 4);
        Assert.All(api.EnumerateArray(), r => Assert.Equal("NewIdeas", r.GetProperty("category").GetString()));
    }
}
