using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// Seeds a demo installation when the database is empty: a police district and a municipality working on
/// "tryghed i boligområdet", with one account for each role.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Samskab-demo-1";

    public static readonly (string Email, string Name, string RoleDanish)[] Accounts =
    [
        ("admin@demo.samskab.dk", "Ada Administrator", "Administrator"),
        ("anker@demo.samskab.dk", "Anne Ankerperson", "Ankerperson"),
        ("tovholder@demo.samskab.dk", "Tobias Tovholder", "Tovholder"),
        ("aktoer@demo.samskab.dk", "Aisha Aktør", "Aktør"),
    ];

    public static bool IsEnabled(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration.GetValue("Samskab:DemoData", environment.IsDevelopment());

    public Task SeedAsync(CancellationToken ct = default) => db.RunExclusiveAsync(() => SeedEmptyAsync(ct), ct);

    private async Task SeedEmptyAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Empty database: seeding demo data.");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await roles.CreateAsync(new IdentityRole(RoleNames.Administrator));
        var accounts = new Dictionary<string, AppUser>();
        foreach (var (email, name, _) in Accounts)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join(", ", result.Errors.Select(e => e.Description)));
            }
            accounts[email] = user;
        }
        await users.AddToRoleAsync(accounts["admin@demo.samskab.dk"], RoleNames.Administrator);

        var police = new Organisation { Name = "Demo Politikreds", Type = OrganisationType.Police, Address = "Politigården 1, 8000 Aarhus C", CreatedAt = now };
        var municipality = new Organisation { Name = "Demo Kommune", Type = OrganisationType.Municipality, Address = "Rådhuspladsen 2, 8000 Aarhus C", CreatedAt = now };
        var association = new Organisation { Name = "Boligforeningen Engen", Type = OrganisationType.CivilSociety, CreatedAt = now };
        db.Organisations.AddRange(police, municipality, association);

        Person PersonFor(string email, Organisation org, string title) => new()
        {
            Name = accounts[email].DisplayName,
            Email = email,
            Title = title,
            Organisation = org,
            UserId = accounts[email].Id,
            CreatedAt = now,
        };
        var anchor = PersonFor("anker@demo.samskab.dk", police, "Forebyggelseskoordinator");
        var coordinator = PersonFor("tovholder@demo.samskab.dk", municipality, "Klubleder, Ungdomsklubben Engen");
        var actor = PersonFor("aktoer@demo.samskab.dk", association, "Formand for beboerforeningen");
        db.People.AddRange(anchor, coordinator, actor);

        var initiative = new Initiative
        {
            Title = "Tryghed i boligområdet Engen",
            SharedChallenge = "Hvordan skaber vi sammen et boligområde, hvor alle beboere – unge som ældre – føler sig trygge og har lyst til at bruge fællesarealerne?",
            Description = "Politi, kommune, boligforening, skole og foreninger samskaber om trygheden i Engen.",
            StartDate = today.AddMonths(-10),
            Phase = 6,
            CreatedAt = now,
        };
        initiative.Members.Add(new InitiativeMember { Person = anchor, Role = InitiativeRole.AnchorPerson, AddedAt = now });
        initiative.Members.Add(new InitiativeMember { Person = coordinator, Role = InitiativeRole.Actor, AddedAt = now });
        initiative.Members.Add(new InitiativeMember { Person = actor, Role = InitiativeRole.Actor, AddedAt = now });
        db.Initiatives.Add(initiative);

        var youth = new DevelopmentPlatform { Initiative = initiative, Name = "Unge og fællesarealer", FocusArea = "Aktiviteter for unge om aftenen i og omkring klubben.", CreatedAt = now };
        youth.Members.Add(new PlatformMember { Person = coordinator, IsCoordinator = true, JoinedOn = today.AddMonths(-8) });
        youth.Members.Add(new PlatformMember { Person = actor, JoinedOn = today.AddMonths(-8) });
        var light = new DevelopmentPlatform { Initiative = initiative, Name = "Lys og stier", FocusArea = "Belysning og beplantning på stierne gennem området.", CreatedAt = now };
        light.Members.Add(new PlatformMember { Person = actor, JoinedOn = today.AddMonths(-7) });
        db.Platforms.AddRange(youth, light);

        await db.SaveChangesAsync(ct);
    }
}
