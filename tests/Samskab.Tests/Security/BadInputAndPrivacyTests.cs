using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Mail;
using Xunit;

namespace Samskab.Tests.Security;

/// <summary>Issue 10, findings 8–13: bad input never gives a 500, duplicates under concurrency, GDPR self-service, and the smaller leaks.</summary>
public class BadInputAndPrivacyTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task MeetingChange_JavascriptLinkAndHugePlace_AreRefusedLikeInPlanning()
    {
        var youth = await factory.PlatformIdAsync("Unge og fællesarealer");
        var now = DateTimeOffset.UtcNow;
        var meeting = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.PlatformId == youth && m.StartsAt > now && m.CancelledAt == null).OrderBy(m => m.StartsAt).FirstAsync());
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var page = await tobias.GetAsync($"/moeder/{meeting.Id}");
        var bad = await tobias.SubmitAsync(page.Document, "form[action*='handler=Change']", new Dictionary<string, string> { ["OnlineUrl"] = "javascript:alert(document.domain)//" });
        Assert.Contains("Skriv en hel webadresse", bad.Text, StringComparison.Ordinal);
        var huge = await tobias.SubmitAsync(page.Document, "form[action*='handler=Change']", new Dictionary<string, string> { ["Location"] = new string('x', 100_000) });
        Assert.Contains("Stedet må højst være 300 tegn.", huge.Text, StringComparison.Ordinal);
        var after = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal((meeting.OnlineUrl, meeting.Location, meeting.Sequence), (after.OnlineUrl, after.Location, after.Sequence));
        Assert.Empty(bad.Document.QuerySelectorAll("a[href^='javascript']"));
    }

    [Fact]
    public async Task ControlCharacters_InStoredData_KeepExportsAndThePosterValid_AndFormsDropThem()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Ripples.Add(new Ripple { InitiativeId = demo, What = "Før\u0001efter \u0007 klokke", HappenedOn = DateOnly.FromDateTime(DateTime.UtcNow), ByName = "Test", CreatedAt = DateTimeOffset.UtcNow });
            var platform = await db.Platforms.FirstAsync(p => p.InitiativeId == demo && p.Status == Samskab.Web.Features.Platforms.PlatformStatus.Active);
            platform.Name += "\u0001";
            await db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        foreach (var url in new[] { $"/initiativer/{demo}/ringe?handler=Xlsx", $"/initiativer/{demo}/evaluering?handler=Xlsx", $"/initiativer/{demo}/aktoerer?handler=Xlsx" })
        {
            var response = await anne.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            Assert.NotNull(workbook.WorkbookPart);
        }
        var svg = await anne.Http.GetStringAsync($"/initiativer/{demo}/plakat?handler=Svg");
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);

        var form = await anne.GetAsync($"/initiativer/{demo}/ringe/ny");
        var registered = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.What"] = "Nye\u0000 venskaber\u001b på tværs", ["Input.Category"] = "NewIdeas" });
        Assert.True(registered.Text.Contains("Tak! Ringen i vandet er registreret.", StringComparison.Ordinal), $"{registered.Status} {registered.Response.RequestMessage!.RequestUri} {registered.Body[..Math.Min(500, registered.Body.Length)]}");
        Assert.True(await factory.WithDbAsync(db => db.Ripples.AnyAsync(r => r.What == "Nye venskaber på tværs")));
    }

    [Fact]
    public async Task IdsAndDatesOutOfRange_GiveNotFoundOrAMessage_NeverAnError()
    {
        using var admin = await factory.SignedInAsync("admin@demo.samskab.dk");
        foreach (var id in new[] { "0", "-1", "2147483647" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/initiativer/{id}", follow: false)).Status);
        }
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var demo = await factory.DemoInitiativeIdAsync();
        foreach (var month in new[] { "9999-12", "0001-01" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anne.GetAsync($"/initiativer/{demo}/moeder?maaned={month}")).Status);
        }
        var edit = await anne.GetAsync($"/initiativer/{demo}/rediger");
        var farAway = await anne.SubmitAsync(edit.Document, "main form", new Dictionary<string, string> { ["Input.StartDate"] = "9999-12-31" });
        Assert.Contains("Datoen skal ligge mellem år 1900 og 2199.", farAway.Text, StringComparison.Ordinal);
        Assert.NotEqual(new DateOnly(9999, 12, 31), await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Id == demo).Select(i => i.StartDate).SingleAsync()));
    }

    [Theory]
    [InlineData("{", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("{\"title\": 5, \"sharedChallenge\": []}", "application/json")]
    [InlineData("{\"title\": \"T\", \"sharedChallenge\": \"U\", \"startDate\": \"2026-13-45\"}", "application/json")]
    [InlineData("{\"title\": \"T\", \"sharedChallenge\": \"U\", \"startDate\": \"0001-01-01\"}", "application/json")]
    public async Task Api_RequestsItCannotRead_Answer400ProblemInDanish(string body, string contentType)
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var tokens = await anne.GetAsync("/konto/adgangsnoegler");
        var created = await anne.SubmitAsync(tokens.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "API", ["Input.ExpiresInDays"] = "1" });
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.Document.QuerySelector("#new-token")!.TextContent.Trim());
        var response = await api.PostAsync("/api/v1/initiatives", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Forespørgslen kunne ikke læses", problem.RootElement.GetProperty("title").GetString());

        var paged = await api.GetAsync($"/api/v1/initiatives/{await factory.DemoInitiativeIdAsync()}/timeline?page=abc");
        Assert.Equal(HttpStatusCode.BadRequest, paged.StatusCode);
        Assert.Equal("application/problem+json", paged.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Organisations_ThreeCreatedAtOnceWithOneName_AreOne()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync("/organisationer");
        var token = page.Document.QuerySelector("main form[method='post'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var posts = Enumerable.Range(0, 3).Select(_ => anne.PostRawAsync("/organisationer", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Samtidig Forening",
            ["Input.Type"] = "CivilSociety",
        }));
        var results = await Task.WhenAll(posts);
        Assert.All(results, r => Assert.True((int)r.Status < 500, r.Text));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == "Samtidig Forening")));
    }

    [Fact]
    public async Task PersonalData_IsNeverCached_AndTheServerDoesNotNameItself()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var demo = await factory.DemoInitiativeIdAsync();
        foreach (var url in new[] { "/konto/mine-data?handler=Json", $"/initiativer/{demo}/aktoerer?handler=Csv", "/api/v1/me", $"/initiativer/{demo}/aktoerer" })
        {
            var response = await anne.Http.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, url + " may be cached");
            Assert.False(response.Headers.Contains("Server"), url + " names the server");
        }
    }

    [Fact]
    public async Task ReplyLink_IsSignedAndNotStored_ATamperedOneIsRefused()
    {
        Assert.Null(typeof(Invitation).GetProperty("ReplyToken"));
        var youth = await factory.PlatformIdAsync("Unge og fællesarealer");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var demo = await factory.DemoInitiativeIdAsync();
        var plan = await tobias.GetAsync($"/initiativer/{demo}/moeder/nyt?type=PlatformMeeting&platform={youth}");
        var date = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await tobias.SubmitAsync(plan.Document, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Type"] = "PlatformMeeting",
            ["Input.PlatformId"] = youth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Møde med signeret svarlink",
            ["Input.Date"] = date,
            ["Input.Start"] = "17:00",
            ["Input.End"] = "19:00",
            ["Input.Invitees"] = "Platform",
        });
        var mail = (await factory.ToAsync("aktoer@demo.samskab.dk")).Last(m => m.Subject.Contains("Møde med signeret svarlink", StringComparison.Ordinal));
        var link = Outbox.LinkIn(mail.TextBody, "/moeder/svar/");
        using var anonymous = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).Status);
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(tampered)).Status);
    }

    [Fact]
    public async Task MyData_HoldsAssessmentsConsentsContributionsAndReplies_AsJsonAndAsAPage()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        var email = await factory.AccountForAsync("Karen Bisgaard");
        await factory.WithDbAsync(async db =>
        {
            var member = await db.InitiativeMembers.Include(m => m.Person).SingleAsync(m => m.InitiativeId == demo && m.Person!.Email == email);
            member.Interest = "Vil have gårdfester hver måned";
            member.Stance = Stance.Against;
            db.ContactConsents.Add(new Samskab.Web.Features.Actors.ContactConsent { PersonId = member.PersonId, InitiativeId = demo, Given = false, At = DateTimeOffset.UtcNow, RecordedBy = "Anne Ankerperson" });
            var ripple = new Ripple { InitiativeId = demo, What = "Karens nabokaffe blev en fast tradition", HappenedOn = DateOnly.FromDateTime(DateTime.UtcNow), ByName = "Anne", CreatedAt = DateTimeOffset.UtcNow };
            ripple.Actors.Add(new RippleActor { PersonId = member.PersonId });
            db.Ripples.Add(ripple);
            var invitation = await db.Invitations.Where(i => i.PersonId == member.PersonId).FirstAsync();
            invitation.Reply = Reply.Maybe;
            await db.SaveChangesAsync();
        });
        using var karen = await factory.SignedInAsync(email);
        var json = await karen.Http.GetAsync("/konto/mine-data?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var text = await json.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        var membership = doc.RootElement.GetProperty("Initiatives").EnumerateArray().Single();
        Assert.Equal("Against", membership.GetProperty("Stance").GetString());
        Assert.Equal("Vil have gårdfester hver måned", membership.GetProperty("Interest").GetString());
        Assert.Contains(doc.RootElement.GetProperty("ConsentHistory").EnumerateArray(), c => !c.GetProperty("Given").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("RipplesNamingYou").EnumerateArray(), r => r.GetProperty("What").GetString() == "Karens nabokaffe blev en fast tradition");
        Assert.Contains(doc.RootElement.GetProperty("MeetingInvitations").EnumerateArray(), i => i.GetProperty("Reply").GetString() == "Maybe");
        Assert.True(doc.RootElement.GetProperty("Platforms").GetArrayLength() > 0);

        var page = await karen.GetAsync("/konto/mine-data");
        Assert.Contains("Vil have gårdfester hver måned", page.Text, StringComparison.Ordinal);
        Assert.Contains("Karens nabokaffe blev en fast tradition", page.Text, StringComparison.Ordinal);
        Assert.Contains("Imod", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAnAccount_AnonymisesThePersonEverywhere_AndStopsTheirMail()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        var email = await factory.AccountForAsync("Grethe Jakobsen");
        var person = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));
        await factory.WithDbAsync(async db =>
        {
            db.Timeline.Add(new TimelineEntry { InitiativeId = demo, At = DateTimeOffset.UtcNow, ByName = "Anne", Kind = "actor.role", What = "Grethe Jakobsen er nu aktør." });
            db.OutboxMessages.Add(new OutboxMessage { ToAddress = email, ToName = "Grethe Jakobsen", Subject = "Venter", TextBody = "Kære Grethe Jakobsen", Category = "Test", MessageIdHeader = Guid.NewGuid().ToString("N") + "@test", CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddDays(1) });
            var edition = await db.Newsletters.FirstAsync(n => n.InitiativeId == demo && n.SnapshotHtml != null);
            edition.SnapshotHtml += $"<p>Grethe Jakobsen, {email}, {person.Phone}</p>";
            await db.SaveChangesAsync();
        });
        using var grethe = await factory.SignedInAsync(email);
        var delete = await grethe.GetAsync("/konto/slet");
        var done = await grethe.SubmitAsync(delete.Document, "main form", new Dictionary<string, string> { ["ConfirmEmail"] = email });
        Assert.Contains("Din konto er slettet.", done.Text, StringComparison.Ordinal);

        var after = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal("Tidligere deltager", after.Name);
        Assert.Null(after.Email);
        Assert.Null(after.Phone);
        Assert.Null(after.UserId);
        Assert.NotNull(after.AnonymisedAt);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await factory.WithDbAsync(db => db.Timeline.AnyAsync(t => t.What.Contains("Grethe Jakobsen"))));
        Assert.False(await factory.WithDbAsync(db => db.Newsletters.AnyAsync(n => n.SnapshotHtml!.Contains("Grethe Jakobsen") || n.SnapshotHtml!.Contains(email))));
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)));
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject == "Venter" && m.Status == OutboxStatus.Pending)));
        // Her platform memberships and answers stay with the platforms, under the anonymous name.
        Assert.True(await factory.WithDbAsync(db => db.PlatformMembers.AnyAsync(m => m.PersonId == person.Id)));
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var overview = await anne.GetAsync($"/initiativer/{demo}/aktoerer?q=Grethe");
        Assert.DoesNotContain("Grethe Jakobsen", overview.Text, StringComparison.Ordinal);
    }
}
