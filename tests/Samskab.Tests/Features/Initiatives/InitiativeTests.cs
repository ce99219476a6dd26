using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Initiatives;
using Xunit;

namespace Samskab.Tests.Features.Initiatives;

public class InitiativeTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Create_AsAnchorPerson_MakesCreatorAnchorAndWritesTimeline()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync("/initiativer/nyt");
        var created = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tryghed ved stationen",
            ["Input.SharedChallenge"] = "Hvordan gør vi stationsområdet trygt for pendlere og naboer?",
            ["Input.StartDate"] = "2026-12-01",
        });
        Assert.Contains("Initiativet er oprettet.", created.Text);
        Assert.Equal("Tryghed ved stationen", created.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Hvordan gør vi stationsområdet trygt", created.Document.QuerySelector(".challenge")!.TextContent);
        Assert.Contains("Vi samskaber ud fra den fælles udfordring.", created.Text);
        var member = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.Initiative!.Title == "Tryghed ved stationen").Select(m => new { m.Role, m.Person!.Email }).SingleAsync());
        Assert.Equal(InitiativeRole.AnchorPerson, member.Role);
        Assert.Equal("anker@demo.samskab.dk", member.Email);
        Assert.True(await factory.WithDbAsync(db => db.Timeline.AnyAsync(t => t.Kind == "initiative.created" && t.What.Contains("Tryghed ved stationen"))));
        Assert.Equal(new DateOnly(2026, 12, 1), await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Title == "Tryghed ved stationen").Select(i => i.StartDate).SingleAsync()));
    }

    [Fact]
    public async Task Create_AsActor_IsRefused()
    {
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync("/initiativer/nyt")).Status);
        var antiforgery = await aisha.GetAsync("/start");
        var token = antiforgery.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var post = await aisha.PostRawAsync("/initiativer/nyt", new Dictionary<string, string> { ["Input.Title"] = "x", ["Input.SharedChallenge"] = "y", ["Input.StartDate"] = "2026-12-01", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.False(await factory.WithDbAsync(db => db.Initiatives.AnyAsync(i => i.Title == "x")));
    }

    [Fact]
    public async Task Create_MissingFields_GivesDanishMessages()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync("/initiativer/nyt");
        var result = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.SharedChallenge"] = "", ["Input.StartDate"] = "ikke-en-dato" });
        Assert.Contains("Skriv en titel.", result.Text);
        Assert.Contains("Skriv den fælles udfordring.", result.Text);
        Assert.Contains("Skriv en gyldig dato, fx 2027-03-18.", result.Text);
    }

    [Fact]
    public async Task Edit_TwoPeopleAtOnce_SecondGetsConflictAndKeepsText()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Samtidig redigering");
        using var first = await factory.SignedInAsync("anker@demo.samskab.dk");
        using var second = await factory.SignedInAsync("admin@demo.samskab.dk");
        var firstForm = await first.GetAsync($"/initiativer/{id}/rediger");
        var secondForm = await second.GetAsync($"/initiativer/{id}/rediger");

        await first.SubmitAsync(firstForm.Document, "main form", new Dictionary<string, string> { ["Input.SharedChallenge"] = "Første version af udfordringen" });
        var conflict = await second.SubmitAsync(secondForm.Document, "main form", new Dictionary<string, string> { ["Input.SharedChallenge"] = "Anden version af udfordringen" });

        Assert.Contains("En anden har gemt ændringer i initiativet, mens du redigerede.", conflict.Text);
        Assert.Equal("Anden version af udfordringen", conflict.Document.QuerySelector("#Input_SharedChallenge")!.TextContent);
        Assert.Equal("Første version af udfordringen", await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => i.SharedChallenge).SingleAsync()));

        var saved = await second.SubmitAsync(conflict.Document, "main form");
        Assert.Contains("Initiativet er gemt.", saved.Text);
        Assert.Equal("Anden version af udfordringen", await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => i.SharedChallenge).SingleAsync()));
    }

    [Fact]
    public async Task NextPhase_RequiresNote_AndADoubleClickMovesOnlyOnce()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Faseskift");
        await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Phase, 3)));
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/initiativer/{id}/faser");
        Assert.Contains("Gå videre til fase 4: Kortlægning og aktørinvolvering", page.Text);

        var noNote = await anne.SubmitAsync(page.Document, "section.action-box form");
        Assert.Contains("Skriv en kort note om, hvorfor I går videre.", noNote.Text);

        var fields = new Dictionary<string, string> { ["Note"] = "Analysen er færdig." };
        await anne.SubmitAsync(page.Document, "section.action-box form", fields);
        await anne.SubmitAsync(page.Document, "section.action-box form", fields);
        Assert.Equal(4, await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => i.Phase).SingleAsync()));
        var entries = await factory.WithDbAsync(db => db.Timeline.Where(t => t.InitiativeId == id && t.Kind == "initiative.phase").ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Analysen er færdig.", entry.Why);
    }

    [Fact]
    public async Task Observer_SeesButCannotEdit_Outsider_IsRefused()
    {
        var bo = await factory.AccountForAsync("Bo Frederiksen");
        var id = await factory.DemoInitiativeIdAsync();
        using var observer = await factory.SignedInAsync(bo);
        var page = await observer.GetAsync($"/initiativer/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector($"a[href='/initiativer/{id}/rediger']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/initiativer/{id}/rediger")).Status);

        var (other, _) = await factory.InitiativeWithPlatformsAsync("Et andet initiativ");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/initiativer/{other}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync("/initiativer/999999")).Status);
    }

    [Fact]
    public async Task Overview_ShowsPlatformsInEveryState_WithTheirStatus()
    {
        var (id, platformIds) = await factory.InitiativeWithPlatformsAsync("Fire tilstande", "Aktiv P", "Standby P", "Lukket P", "Sammenlagt P");
        await factory.WithDbAsync(async db =>
        {
            var platforms = await db.Platforms.Where(p => platformIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
            platforms[1].Status = Samskab.Web.Features.Platforms.PlatformStatus.Standby;
            platforms[2].Status = Samskab.Web.Features.Platforms.PlatformStatus.Closed;
            platforms[3].Status = Samskab.Web.Features.Platforms.PlatformStatus.Merged;
            platforms[3].MergedIntoId = platforms[0].Id;
            return await db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/initiativer/{id}");
        var rows = page.Document.QuerySelectorAll("tr").Where(r => r.QuerySelector(".status-tag") is not null)
            .ToDictionary(r => r.QuerySelector("a")!.TextContent.Trim(), r => r.QuerySelector(".status-tag")!.TextContent.Trim());
        Assert.Equal("Aktiv", rows["Aktiv P"]);
        Assert.Equal("Standby", rows["Standby P"]);
        Assert.Equal("Lukket", rows["Lukket P"]);
        Assert.Equal("Sammenlagt", rows["Sammenlagt P"]);
    }
}
