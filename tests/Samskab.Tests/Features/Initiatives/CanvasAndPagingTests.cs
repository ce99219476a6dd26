using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Initiatives;
using Xunit;

namespace Samskab.Tests.Features.Initiatives;

public class CanvasAndPagingTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task PreparationCanvas_IsSavedAndShownAgain_TooLongTextKeepsEverythingTyped_AndAnActorCannotEditIt()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Lærredet");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/initiativer/{id}/forberedelse");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var tooLong = await anne.SubmitAsync(page.Document, "main form", new Dictionary<string, string>
        {
            ["Input.TargetGroup"] = "Unge i Engen",
            ["Input.Vision"] = new string('v', 4001),
            ["Input.Participants"] = "Boldklubben, kirken, købmanden",
        });
        Assert.Contains("Feltet må højst være 4000 tegn.", tooLong.Text);
        Assert.Equal("Unge i Engen", tooLong.Document.QuerySelector("#Input_TargetGroup")!.TextContent.Trim());
        Assert.Equal("Boldklubben, kirken, købmanden", tooLong.Document.QuerySelector("#Input_Participants")!.TextContent.Trim());
        Assert.Null(await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => i.TargetGroup).SingleAsync()));

        var saved = await anne.SubmitAsync(tooLong.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Vision"] = "Det er 2030, og unge og ældre bruger fællesarealerne sammen.",
            ["Input.ImportantResults"] = "Færre anmeldelser\nFlere frivillige\nEt fælles værested",
        });
        Assert.Contains("Forberedelseslærredet er gemt.", saved.Text);
        var again = await anne.GetAsync($"/initiativer/{id}/forberedelse");
        Assert.Equal("Unge i Engen", again.Document.QuerySelector("#Input_TargetGroup")!.TextContent.Trim());
        Assert.Contains("Et fælles værested", again.Document.QuerySelector("#Input_ImportantResults")!.TextContent);

        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/initiativer/{id}/forberedelse")).Status);
    }

    [Fact]
    public async Task PreparationCanvas_SavedByAnotherMeanwhile_SaysSo_AndKeepsMyText()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Lærred i konflikt");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var mine = await anne.GetAsync($"/initiativer/{id}/forberedelse");
        var theirs = await anne.GetAsync($"/initiativer/{id}/forberedelse");
        await anne.SubmitAsync(theirs.Document, "main form", new Dictionary<string, string> { ["Input.Purpose"] = "Den andens formål" });

        var conflict = await anne.SubmitAsync(mine.Document, "main form", new Dictionary<string, string> { ["Input.Purpose"] = "Mit formål" });
        Assert.Contains("En anden har gemt ændringer i initiativet", conflict.Text);
        Assert.Equal("Mit formål", conflict.Document.QuerySelector("#Input_Purpose")!.TextContent.Trim());
        Assert.Equal("Den andens formål", await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => i.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task Timeline_SecondPage_ShowsTheOlderEntries_WithLinksBothWays()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Lang historik");
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await factory.WithDbAsync(db =>
        {
            for (var n = 1; n <= 60; n++)
            {
                db.Timeline.Add(new TimelineEntry
                {
                    InitiativeId = id,
                    At = start.AddDays(n),
                    ByName = "Anne Ankerperson",
                    Kind = "text",
                    What = $"Hændelse nummer {n}.",
                    Data = TimelineEvents.Serialize([TimelineEvents.Part("text", $"Hændelse nummer {n}.")]),
                });
            }
            return db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var first = await anne.GetAsync($"/initiativer/{id}/tidslinje");
        var firstItems = first.Document.QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        Assert.Equal(50, firstItems.Count);
        Assert.Contains("Hændelse nummer 60.", firstItems[0]);
        Assert.Contains("Side 1 af 2", first.Text);
        var next = first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;

        var second = await anne.GetAsync(next);
        var secondItems = second.Document.QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        Assert.Equal(10, secondItems.Count);
        Assert.Contains("Hændelse nummer 10.", secondItems[0]);
        Assert.Contains("Hændelse nummer 1.", secondItems[^1]);
        Assert.Contains("Side 2 af 2", second.Text);
        Assert.NotNull(second.Document.QuerySelector("a[rel='prev']"));
        Assert.Null(second.Document.QuerySelector("a[rel='next']"));
    }
}
