using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// Seeds a demo installation when the database is empty: a police district and a municipality working on
/// "tryghed i boligområdet", with one account for each role.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, Samskab.Web.Features.Newsletters.NewsletterDesk newsletters,
    Samskab.Web.Infrastructure.Images.ImagePipeline images, ILogger<DemoData> logger)
{
    public const string Password = "Samskab-demo-1";

    public static readonly (string Email, string Name, string RoleDanish)[] Accounts =
    [
        ("admin@demo.samskab.dk", "Ada Administrator", "Administrator"),
        ("anker@demo.samskab.dk", "Anne Ankerperson", "Ankerperson"),
        ("tovholder@demo.samskab.dk", "Tobias Tovholder", "Tovholder"),
        ("aktoer@demo.samskab.dk", "Aisha Aktør", "Aktør"),
        (DemoParticipation.ManagerEmail, "Ida Indsamler", "Indsamlingsansvarlig"),
        (DemoLocalAreas.BridgeBuilderEmail, "Bo Brobygger", "Brobygger"),
    ];

    /// <summary>The accounts on the sign-in page, and the demo's second bridge builder (who is not on it).</summary>
    public static bool IsDemoAccount(string? email) =>
        Accounts.Any(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))
        || string.Equals(email, DemoLocalAreas.SecondBridgeBuilderEmail, StringComparison.OrdinalIgnoreCase);

    public static bool IsEnabled(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration.GetValue("Samskab:DemoData", environment.IsDevelopment());

    public Task SeedAsync(CancellationToken ct = default)
    {
        // The newsletters' links are signed with the Data Protection key ring, which is stored in the database through
        // its own connection: make sure a key exists before the seeding holds the database exclusively.
        _ = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(newsletters.ReadLinks, "key ring");
        return db.RunExclusiveAsync(() => SeedEmptyAsync(ct), ct);
    }

    private async Task SeedEmptyAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Empty database: seeding demo data.");
        var now = clock.GetUtcNow();

        await roles.CreateAsync(new IdentityRole(RoleNames.Administrator));
        await roles.CreateAsync(new IdentityRole(RoleNames.CampaignManager));
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

        await DemoInitiative.SeedAsync(db, accounts, now, ct);
        await db.SaveChangesAsync(ct);
        await DemoNewsletters.SeedAsync(db, newsletters, now, ct);
        await users.AddToRoleAsync(accounts[DemoParticipation.ManagerEmail], RoleNames.CampaignManager);
        await DemoParticipation.SeedAsync(db, accounts[DemoParticipation.ManagerEmail], now, ct);
        var second = new AppUser { UserName = DemoLocalAreas.SecondBridgeBuilderEmail, Email = DemoLocalAreas.SecondBridgeBuilderEmail, EmailConfirmed = true, DisplayName = "Birgit Brobygger", CreatedAt = now };
        var created = await users.CreateAsync(second, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join(", ", created.Errors.Select(e => e.Description)));
        }
        await DemoLocalAreas.SeedAsync(db, accounts[DemoLocalAreas.BridgeBuilderEmail], second, now, ct);
        await DemoCoreTask.SeedAsync(db, images, accounts["anker@demo.samskab.dk"], accounts["aktoer@demo.samskab.dk"], now, ct);
    }
}
