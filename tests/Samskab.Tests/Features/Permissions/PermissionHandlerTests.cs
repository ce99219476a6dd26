using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Xunit;

namespace Samskab.Tests.Features.Permissions;

/// <summary>The matrix applied to real memberships: the demo accounts in the demo initiative and its platforms.</summary>
public class PermissionHandlerTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<bool> CanAsync(string email, Operation operation, Func<AppDbContext, Task<AccessScope>> scope)
    {
        await using var services = factory.Services.CreateAsyncScope();
        var sp = services.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var result = await sp.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, await scope(db), operation);
        return result.Succeeded;
    }

    private static async Task<AccessScope> Initiative(AppDbContext db) => AccessScope.ForInitiative(await db.Initiatives.Select(i => i.Id).FirstAsync());

    private static Func<AppDbContext, Task<AccessScope>> Platform(string name) => async db =>
    {
        var p = await db.Platforms.SingleAsync(x => x.Name == name);
        return AccessScope.ForPlatform(p.InitiativeId, p.Id);
    };

    [Theory]
    [InlineData("anker@demo.samskab.dk", Operation.EditInitiative, true)]
    [InlineData("admin@demo.samskab.dk", Operation.EditInitiative, true)]
    [InlineData("tovholder@demo.samskab.dk", Operation.EditInitiative, false)]
    [InlineData("aktoer@demo.samskab.dk", Operation.EditInitiative, false)]
    [InlineData("aktoer@demo.samskab.dk", Operation.ViewInitiative, true)]
    [InlineData("aktoer@demo.samskab.dk", Operation.RegisterRipple, true)]
    [InlineData("anker@demo.samskab.dk", Operation.PlanInitiativeMeeting, true)]
    [InlineData("tovholder@demo.samskab.dk", Operation.PlanInitiativeMeeting, false)]
    [InlineData("admin@demo.samskab.dk", Operation.ComposeNewsletter, false)]
    public async Task InitiativeScope_DemoRoles(string email, Operation operation, bool expected) =>
        Assert.Equal(expected, await CanAsync(email, operation, Initiative));

    [Theory]
    [InlineData("tovholder@demo.samskab.dk", "Unge og fællesarealer", Operation.PlanPlatformMeeting, true)]
    [InlineData("tovholder@demo.samskab.dk", "Lys og stier", Operation.PlanPlatformMeeting, false)]
    [InlineData("tovholder@demo.samskab.dk", "Lys og stier", Operation.ProposePlatformChange, false)]
    [InlineData("tovholder@demo.samskab.dk", "Lys og stier", Operation.ViewPlatform, true)]
    [InlineData("aktoer@demo.samskab.dk", "Unge og fællesarealer", Operation.PlanPlatformMeeting, false)]
    [InlineData("aktoer@demo.samskab.dk", "Unge og fællesarealer", Operation.RespondToPlatformProposal, true)]
    [InlineData("aktoer@demo.samskab.dk", "Lys og stier", Operation.EditPlatformContent, true)]
    [InlineData("anker@demo.samskab.dk", "Lys og stier", Operation.PlanPlatformMeeting, true)]
    [InlineData("anker@demo.samskab.dk", "Lys og stier", Operation.RespondToPlatformProposal, false)]
    [InlineData("admin@demo.samskab.dk", "Lys og stier", Operation.RespondToPlatformProposal, false)]
    public async Task PlatformScope_DemoRoles(string email, string platform, Operation operation, bool expected) =>
        Assert.Equal(expected, await CanAsync(email, operation, Platform(platform)));

    [Fact]
    public async Task Outsider_SignedInWithoutRole_CannotEvenView()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Users.Add(new AppUser { UserName = "udenfor@eksempel.dk", Email = "udenfor@eksempel.dk", NormalizedEmail = "UDENFOR@EKSEMPEL.DK", NormalizedUserName = "UDENFOR@EKSEMPEL.DK", DisplayName = "Udenfor", SecurityStamp = Guid.NewGuid().ToString() });
            await db.SaveChangesAsync();
        });
        Assert.False(await CanAsync("udenfor@eksempel.dk", Operation.ViewInitiative, Initiative));
        Assert.False(await CanAsync("udenfor@eksempel.dk", Operation.ViewPlatform, Platform("Lys og stier")));
        Assert.False(await CanAsync("udenfor@eksempel.dk", Operation.CreateInitiative, _ => Task.FromResult(AccessScope.Site)));
    }

    [Fact]
    public async Task CreateInitiative_AnchorPersonAndAdminOnly()
    {
        Assert.True(await CanAsync("anker@demo.samskab.dk", Operation.CreateInitiative, _ => Task.FromResult(AccessScope.Site)));
        Assert.True(await CanAsync("admin@demo.samskab.dk", Operation.CreateInitiative, _ => Task.FromResult(AccessScope.Site)));
        Assert.False(await CanAsync("tovholder@demo.samskab.dk", Operation.CreateInitiative, _ => Task.FromResult(AccessScope.Site)));
    }
}
