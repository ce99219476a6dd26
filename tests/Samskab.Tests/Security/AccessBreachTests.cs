using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Xunit;

namespace Samskab.Tests.Security;

/// <summary>The two access-control breaches the tester found (issue 10, findings 1 and 2), and the rules that close them.</summary>
public class AccessBreachTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    /// <summary>A freshly registered user made anchor person of a second initiative by an administrator.</summary>
    private async Task<(int Initiative, string Email)> SecondInitiativeAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<Samskab.Web.Infrastructure.Data.AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Bente Angriber", CreatedAt = now };
        Assert.True((await users.CreateAsync(user, Given.Password)).Succeeded);
        var initiative = new Initiative { Title = "Andet initiativ " + email, SharedChallenge = "Noget andet", StartDate = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now };
        initiative.Members.Add(new InitiativeMember { Person = new Person { Name = "Bente Angriber", Email = email, UserId = user.Id, CreatedAt = now }, Role = InitiativeRole.AnchorPerson, AddedAt = now });
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync();
        return (initiative.Id, email);
    }

    [Fact]
    public async Task AnchorOfAnotherInitiative_NeitherSeesNorAddsTheFirstInitiativesPeople()
    {
        var (second, email) = await SecondInitiativeAsync("bente@eksempel.dk");
        var aisha = await factory.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "aktoer@demo.samskab.dk"));
        using var bente = await factory.SignedInAsync(email);

        var page = await bente.GetAsync($"/initiativer/{second}/aktoerer/ny");
        Assert.DoesNotContain("Aisha Aktør", page.Body, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"#personId option[value='{aisha.Id}']"));

        var forged = await bente.SubmitAsync(page.Document, "form[action*='handler=New']", new Dictionary<string, string> { ["Input.Name"] = "x" });
        var token = forged.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var existing = await bente.PostRawAsync($"/initiativer/{second}/aktoerer/ny?handler=Existing", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["personId"] = aisha.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["role"] = "Actor",
        });
        Assert.Contains("Vælg en person fra listen.", existing.Text, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.InitiativeMembers.AnyAsync(m => m.InitiativeId == second && m.PersonId == aisha.Id)));
    }

    [Fact]
    public async Task PersonInTwoInitiatives_AnchorOfOne_CannotRewriteTheirContactDetails_AndConsentStaysPerInitiative()
    {
        var (second, email) = await SecondInitiativeAsync("bente2@eksempel.dk");
        var demo = await factory.DemoInitiativeIdAsync();
        // Bo has not consented in the demo initiative; an administrator has also put him in the second one.
        var (bo, boMember) = await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Name == "Bo Frederiksen");
            var member = new InitiativeMember { InitiativeId = second, PersonId = person.Id, AddedAt = DateTimeOffset.UtcNow };
            db.InitiativeMembers.Add(member);
            await db.SaveChangesAsync();
            return (person, member.Id);
        });
        Assert.False(await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == demo && m.PersonId == bo.Id).Select(m => m.SharesContactDetails).SingleAsync()));

        using var bente = await factory.SignedInAsync(email);
        var form = await bente.GetAsync($"/initiativer/{second}/aktoerer/{boMember}");
        Assert.Null(form.Document.QuerySelector("#Input_Email"));
        Assert.Contains("også med i et initiativ", form.Text, StringComparison.Ordinal);
        var saved = await bente.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Bo",
            ["Input.Email"] = "angriber@eksempel.dk",
            ["Input.Phone"] = "+45 00 00 00 00",
            ["Input.SharesContactDetails"] = "true",
        });
        Assert.Equal("/initiativer/" + second + "/aktoerer", saved.Response.RequestMessage!.RequestUri!.AbsolutePath);

        var after = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == bo.Id));
        Assert.Equal((bo.Name, bo.Email, bo.Phone), (after.Name, after.Email, after.Phone));
        // The consent given in the second initiative says nothing about the first.
        var consents = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.PersonId == bo.Id).ToDictionaryAsync(m => m.InitiativeId, m => m.SharesContactDetails));
        Assert.True(consents[second]);
        Assert.False(consents[demo]);
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var overview = await anne.Http.GetStringAsync($"/initiativer/{demo}/aktoerer?handler=Csv");
        var boLine = overview.Split('\n').Single(l => l.StartsWith("Bo Frederiksen", StringComparison.Ordinal));
        Assert.DoesNotContain(bo.Email!, boLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithAccount_TheirNameAndAddressAreTheirs_EvenForTheirOwnAnchorPerson()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var demo = await factory.DemoInitiativeIdAsync();
        var aishaMember = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == demo && m.Person!.Email == "aktoer@demo.samskab.dk").Select(m => m.Id).SingleAsync());
        var form = await anne.GetAsync($"/initiativer/{demo}/aktoerer/{aishaMember}");
        Assert.Null(form.Document.QuerySelector("#Input_Email"));
        Assert.Contains("retter selv navn, e-mail og telefon", form.Text, StringComparison.Ordinal);
        await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "andet@eksempel.dk", ["Input.Name"] = "Omdøbt" });
        var aisha = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.UserId != null && p.Email == "aktoer@demo.samskab.dk"));
        Assert.Equal("Aisha Aktør", aisha.Name);

        // She changes them herself, and the change reaches every initiative she is in.
        using var own = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var account = await own.GetAsync("/konto");
        await own.SubmitAsync(account.Document, "form[action*='handler=Profile']", new Dictionary<string, string> { ["Profile.Name"] = "Aisha Aktør", ["Profile.Phone"] = "+45 12 34 56 78" });
        Assert.All(await factory.WithDbAsync(db => db.People.Where(p => p.UserId == aisha.UserId).Select(p => p.Phone).ToListAsync()), phone => Assert.Equal("+45 12 34 56 78", phone));
    }

    [Fact]
    public async Task WorkingGroupMember_CannotMakeThemselvesAnchorPerson_NorGiveAnyoneThatRole()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        var row = await factory.WithDbAsync(db => db.InitiativeMembers
            .Where(m => m.InitiativeId == demo && m.InWorkingGroup && m.Role == InitiativeRole.Actor && m.Person!.UserId == null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Person!.Name }).FirstAsync());
        var memberId = row.Id;
        var email = await factory.AccountForAsync(row.Name);
        using var member = await factory.SignedInAsync(email);

        var own = await member.GetAsync($"/initiativer/{demo}/aktoerer/{memberId}");
        Assert.Null(own.Document.QuerySelector("#Input_Role"));
        var promoted = await member.SubmitAsync(own.Document, "main form", new Dictionary<string, string> { ["Input.Role"] = "AnchorPerson" });
        Assert.Contains("Du kan ikke ændre din egen rolle", promoted.Text, StringComparison.Ordinal);
        Assert.Equal(InitiativeRole.Actor, await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.Id == memberId).Select(m => m.Role).SingleAsync()));
        Assert.False((await member.GetAsync($"/initiativer/{demo}/dashboard", follow: false)).Response.IsSuccessStatusCode);

        var add = await member.GetAsync($"/initiativer/{demo}/aktoerer/ny");
        Assert.Null(add.Document.QuerySelector("#Input_Role option[value='AnchorPerson']"));
        var added = await member.SubmitAsync(add.Document, "form[action*='handler=New']", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ny Ankerperson",
            ["Input.Email"] = email.ToUpperInvariant(),
            ["Input.Role"] = "AnchorPerson",
        });
        Assert.Contains("Du kan ikke give en højere rolle end din egen.", added.Text, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.InitiativeMembers.AnyAsync(m => m.InitiativeId == demo && m.Role == InitiativeRole.AnchorPerson && m.Person!.Name == "Ny Ankerperson")));
    }

    [Fact]
    public async Task StakeholderAssessments_AreSeenByTheWorkingGroup_NotByTheActorsAssessed()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        using var aisha = await factory.SignedInAsync("aktoer@demo.samskab.dk");
        var page = await aisha.GetAsync($"/initiativer/{demo}/aktoerer");
        Assert.Null(page.Document.QuerySelector(".stakeholder-grid"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("#actors-table th"), th => th.TextContent == "Holdning");
        var csv = await aisha.Http.GetStringAsync($"/initiativer/{demo}/aktoerer?handler=Csv");
        Assert.DoesNotContain("Holdning", csv.Split('\n')[0], StringComparison.Ordinal);
        var filtered = await aisha.GetAsync($"/initiativer/{demo}/aktoerer?stance=Against");
        var all = await aisha.GetAsync($"/initiativer/{demo}/aktoerer");
        Assert.Equal(all.Document.QuerySelectorAll("#actors-table tbody tr").Length, filtered.Document.QuerySelectorAll("#actors-table tbody tr").Length);

        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var anchorView = await anne.GetAsync($"/initiativer/{demo}/aktoerer");
        Assert.NotNull(anchorView.Document.QuerySelector(".stakeholder-grid"));
        Assert.Contains("Holdning", (await anne.Http.GetStringAsync($"/initiativer/{demo}/aktoerer?handler=Csv")).Split('\n')[0], StringComparison.Ordinal);
    }
}
