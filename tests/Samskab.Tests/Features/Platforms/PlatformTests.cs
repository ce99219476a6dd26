using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Xunit;

namespace Samskab.Tests.Features.Platforms;

public class PlatformTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static Dictionary<string, string> Change(string kind, string reason = "", string? mergeInto = null, string? resume = null, string? focus = null)
    {
        var f = new Dictionary<string, string> { ["Change.Kind"] = kind, ["Change.Reason"] = reason };
        if (mergeInto is not null) f["Change.MergeIntoId"] = mergeInto;
        if (resume is not null) f["Change.ExpectedResumeOn"] = resume;
        if (focus is not null) f["Change.NewFocus"] = focus;
        return f;
    }

    [Fact]
    public async Task Create_WithMembersAndCoordinator_AndTheRulesAreChecked()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Ny platform-test");
        var people = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == id).Select(m => new { m.PersonId, m.Person!.Name }).ToListAsync());
        var aisha = people.Single(p => p.Name == "Aisha Aktør").PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tobias = people.Single(p => p.Name == "Tobias Tovholder").PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync($"/initiativer/{id}/platforme/ny");

        var noName = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "" });
        Assert.Contains("Giv platformen et navn.", noName.Text);

        var coordinatorNotMember = await anne.PostRawAsync($"/initiativer/{id}/platforme/ny", new Dictionary<string, string>
        {
            ["Input.Name"] = "Grønne gårde",
            ["Input.CoordinatorIds"] = tobias,
            ["Input.MemberIds"] = aisha,
            ["__RequestVerificationToken"] = form.Document.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        Assert.Contains("En tovholder skal også være medlem af platformen.", coordinatorNotMember.Text);

        using var content = new FormUrlEncodedContent(
        [
            new("Input.Name", "Grønne gårde"), new("Input.FocusArea", "Gårdene skal bruges."),
            new("Input.MemberIds", aisha), new("Input.MemberIds", tobias), new("Input.CoordinatorIds", tobias),
            new("__RequestVerificationToken", form.Document.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
        ]);
        var created = await anne.Http.PostAsync($"/initiativer/{id}/platforme/ny", content);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var platform = await factory.WithDbAsync(db => db.Platforms.Include(p => p.Members).SingleAsync(p => p.Name == "Grønne gårde"));
        Assert.Equal(2, platform.Members.Count);
        Assert.Single(platform.Members, m => m.IsCoordinator);
        Assert.True(await factory.WithDbAsync(db => db.Timeline.AnyAsync(t => t.PlatformId == platform.Id && t.Kind == "platform.created" && t.What.Contains("Tobias Tovholder som tovholder"))));
    }

    [Fact]
    public async Task Create_AsActor_IsRefused()
    {
        var (id, _) = await factory.InitiativeWithPlatformsAsync("Kun ankerpersonen");
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.GetAsync($"/initiativer/{id}/platforme/ny")).Status);
    }

    [Fact]
    public async Task Lifecycle_StandbyResumeMergeClose_AllOnTimelineAndPoster()
    {
        var (id, platforms) = await factory.InitiativeWithPlatformsAsync("Livscyklus", "Platform A", "Platform B", "Platform C");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var a = await anne.GetAsync($"/platforme/{platforms[0]}");

        var noReason = await anne.SubmitAsync(a.Document, "form[action*='handler=Act']", Change("Standby"));
        Assert.Contains("Skriv en begrundelse.", noReason.Text);
        var pastDate = await anne.SubmitAsync(a.Document, "form[action*='handler=Act']", Change("Standby", "Afventer byrådet", resume: "2020-01-01"));
        Assert.Contains("Den forventede genstart skal ligge efter i dag.", pastDate.Text);

        var standby = await anne.SubmitAsync(a.Document, "form[action*='handler=Act']", Change("Standby", "Afventer politisk beslutning", resume: DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Standby", standby.Document.QuerySelector("h1 + p .status-tag")!.TextContent);
        var poster = await anne.Http.GetStringAsync($"/initiativer/{id}/plakat?handler=Svg");
        Assert.Contains("PÅ STANDBY", poster, StringComparison.Ordinal);

        var resumed = await anne.SubmitAsync(standby.Document, "form[action*='handler=Act']", Change("Resume"));
        Assert.Contains("Aktiv", resumed.Document.QuerySelector("h1 + p .status-tag")!.TextContent);

        var b = await anne.GetAsync($"/platforme/{platforms[1]}");
        var closedB = await anne.SubmitAsync(b.Document, "form[action*='handler=Act']", Change("Close", "Ingen aktiv deltagelse"));
        Assert.Contains("Lukket", closedB.Document.QuerySelector("h1 + p .status-tag")!.TextContent);
        Assert.Null(closedB.Document.QuerySelector("form[action*='handler=Act']"));

        var c = await anne.GetAsync($"/platforme/{platforms[2]}");
        var intoClosed = await anne.PostRawAsync($"/platforme/{platforms[2]}?handler=Act", new Dictionary<string, string>(Change("Merge", "Sammenlægning", mergeInto: platforms[1].ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ["__RequestVerificationToken"] = c.Document.QuerySelector("form[action*='handler=Act'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        Assert.Contains("Der kan ikke lægges sammen med en lukket platform.", intoClosed.Text);

        var merged = await anne.SubmitAsync(c.Document, "form[action*='handler=Act']", Change("Merge", "Samme aktører", mergeInto: platforms[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Platformen er lagt sammen med", merged.Text);
        Assert.NotNull(merged.Document.QuerySelector($"a[href='/platforme/{platforms[0]}']"));

        var kinds = await factory.WithDbAsync(db => db.Timeline.Where(t => t.InitiativeId == id).OrderBy(t => t.Id).Select(t => t.Kind).ToListAsync());
        Assert.Equal(["platform.standby", "platform.resumed", "platform.closed", "platform.merged", "platform.merged-in"], kinds);
        Assert.All(await factory.WithDbAsync(db => db.Timeline.Where(t => t.InitiativeId == id).ToListAsync()), t => Assert.True(t.ByAnchorPerson));

        // The target carries the merged platform's history, and the poster shows only what is active now.
        var target = await anne.GetAsync($"/platforme/{platforms[0]}");
        Assert.Contains("Platform C er lagt sammen med Platform A", target.Text);
        poster = await anne.Http.GetStringAsync($"/initiativer/{id}/plakat?handler=Svg");
        Assert.Contains("Platform A", poster, StringComparison.Ordinal);
        Assert.DoesNotContain("Platform B", poster, StringComparison.Ordinal);
        Assert.DoesNotContain("Platform C", poster, StringComparison.Ordinal);
        Assert.DoesNotContain("PÅ STANDBY", poster, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_SamePersonTwice_AndThirdCoordinator_AreRefused()
    {
        var (id, platforms) = await factory.InitiativeWithPlatformsAsync("Medlemmer", "Platform M");
        var aisha = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "aktoer@demo.samskab.dk").Select(p => p.Id).FirstAsync());
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/platforme/{platforms[0]}");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var twice = await anne.PostRawAsync($"/platforme/{platforms[0]}?handler=AddMember", new Dictionary<string, string> { ["personId"] = aisha.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token });
        Assert.Contains("Personen er allerede medlem af platformen.", twice.Text);
        Assert.Equal(2, await factory.WithDbAsync(db => db.PlatformMembers.CountAsync(m => m.PlatformId == platforms[0] && m.LeftOn == null)));

        // Aisha becomes the second coordinator; a third is refused.
        var aishaMember = await factory.WithDbAsync(db => db.PlatformMembers.Where(m => m.PlatformId == platforms[0] && m.PersonId == aisha).Select(m => m.Id).SingleAsync());
        await anne.PostRawAsync($"/platforme/{platforms[0]}?handler=Coordinator", new Dictionary<string, string> { ["memberId"] = aishaMember.ToString(System.Globalization.CultureInfo.InvariantCulture), ["make"] = "true", ["__RequestVerificationToken"] = token });
        var anneId = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "anker@demo.samskab.dk").Select(p => p.Id).FirstAsync());
        var third = await anne.PostRawAsync($"/platforme/{platforms[0]}?handler=AddMember", new Dictionary<string, string> { ["personId"] = anneId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["coordinator"] = "true", ["__RequestVerificationToken"] = token });
        Assert.Contains("En platform har én eller to tovholdere.", third.Text);
    }

    [Fact]
    public async Task AddMember_LargeInitiative_ListsTheFirstAndFindsTheRestBySearch()
    {
        var (id, platforms) = await factory.InitiativeWithPlatformsAsync("Stor kommune", "Platform S");
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var organisation = new Samskab.Web.Features.Actors.Organisation { Name = "Østerbro Boldklub " + Guid.NewGuid().ToString("N")[..6], Type = Samskab.Web.Features.Actors.OrganisationType.CivilSociety };
            for (var n = 0; n < 40; n++)
            {
                var person = new Samskab.Web.Features.Actors.Person { Name = $"Aktør {n:00} Stor", CreatedAt = now, Organisation = n == 39 ? organisation : null };
                db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = id, Person = person, Role = InitiativeRole.Actor, AddedAt = now });
            }
            // Observers do not join platforms.
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = id, Person = new Samskab.Web.Features.Actors.Person { Name = "Ole Observatør", CreatedAt = now }, Role = InitiativeRole.Observer, AddedAt = now });
            await db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");

        // 41 can join (40 new, and Anne): the list holds the first 25, and a search field says how many there are.
        var page = await anne.GetAsync($"/platforme/{platforms[0]}");
        var options = page.Document.QuerySelectorAll("#personId option").Select(o => o.TextContent).ToList();
        Assert.Equal(Samskab.Web.Features.Platforms.DetailsModel.CandidateLimit, options.Count);
        Assert.Contains("41", page.Document.QuerySelector("#soeg-hint")!.TextContent);
        Assert.DoesNotContain("Ole Observatør", page.Body);

        // Search by organisation, with Danish letters in another case, then add the one found.
        var found = await anne.SubmitAsync(page.Document, "form.search-form", new Dictionary<string, string> { ["soeg"] = "østerbro" });
        Assert.Equal(["Aktør 39 Stor"], found.Document.QuerySelectorAll("#personId option").Select(o => o.TextContent).ToList());
        var added = await anne.SubmitAsync(found.Document, "form[action*='handler=AddMember']");
        Assert.Contains("Aktør 39 Stor er tilføjet platformen.", added.Text);

        var none = await anne.GetAsync($"/platforme/{platforms[0]}?soeg=findes-ikke");
        Assert.Contains("Ingen aktører matcher »findes-ikke«.", none.Text);
        Assert.Empty(none.Document.QuerySelectorAll("#personId"));
    }

    [Fact]
    public async Task MemberLeaves_WithReason_StaysInHistory()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Udskiftning", "Platform U");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/platforme/{platforms[0]}");
        var noReason = await anne.SubmitAsync(page.Document, "form[action*='handler=Leave']", new Dictionary<string, string> { ["reason"] = "" });
        Assert.Contains("Skriv, hvorfor personen forlader platformen.", noReason.Text);
        var left = await anne.SubmitAsync(page.Document, "form[action*='handler=Leave']", new Dictionary<string, string> { ["reason"] = "Har fået nyt job" });
        Assert.Contains("har forladt platformen", left.Text);
        Assert.Contains("Har fået nyt job", left.Document.QuerySelectorAll("details").Single(d => d.TextContent.Contains("Tidligere medlemmer")).TextContent);
    }

    [Fact]
    public async Task Edit_TwoAnchorsAtOnce_SecondGetsConflictAndKeepsText()
    {
        var (_, platforms) = await factory.InitiativeWithPlatformsAsync("Redigering af platform", "Platform R");
        using var first = await factory.SignedInAsync("anker@demo.samskab.dk");
        using var second = await factory.SignedInAsync("admin@demo.samskab.dk");
        var one = await first.GetAsync($"/platforme/{platforms[0]}");
        var two = await second.GetAsync($"/platforme/{platforms[0]}");
        await first.SubmitAsync(one.Document, "form[action*='handler=Edit']", new Dictionary<string, string> { ["Edit.FocusArea"] = "Første fokus" });
        var conflict = await second.SubmitAsync(two.Document, "form[action*='handler=Edit']", new Dictionary<string, string> { ["Edit.FocusArea"] = "Andet fokus" });
        Assert.Contains("En anden har ændret platformen, mens du redigerede.", conflict.Text);
        Assert.Equal("Andet fokus", conflict.Document.QuerySelector("#Edit_FocusArea")!.TextContent);
        Assert.Equal("Første fokus", await factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == platforms[0]).Select(p => p.FocusArea).SingleAsync()));
    }

    [Fact]
    public async Task ActorOutsidePlatform_CanReadButNotChange()
    {
        var light = await factory.PlatformIdAsync("Lys og stier");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var page = await tobias.GetAsync($"/platforme/{light}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Propose']"));
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Act']"));
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var propose = await tobias.PostRawAsync($"/platforme/{light}?handler=Propose", new Dictionary<string, string>(Change("Close", "Jeg vil lukke den")) { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, propose.Status);
        var act = await tobias.PostRawAsync($"/platforme/{light}?handler=Act", new Dictionary<string, string>(Change("Close", "Jeg vil lukke den")) { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, act.Status);
        Assert.Equal(PlatformStatus.Active, await factory.WithDbAsync(db => db.Platforms.Where(p => p.Id == light).Select(p => p.Status).SingleAsync()));
    }
}
