using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Tests.Infrastructure;

/// <summary>Small builders for test data on top of the demo initiative.</summary>
public static class Given
{
    public const string Password = "test-adgangskode-1";

    /// <summary>Gives a demo person (who has no account) an account, and returns its e-mail.</summary>
    public static async Task<string> AccountForAsync(this SamskabFactory factory, string personName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var person = await db.People.FirstAsync(p => p.Name == personName);
        if (person.UserId is not null)
        {
            return (await users.FindByIdAsync(person.UserId))!.Email!;
        }
        var email = person.Email ?? $"{Guid.NewGuid():N}@eksempel.dk";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.Name, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
        person.UserId = user.Id;
        await db.SaveChangesAsync();
        return email;
    }

    public static async Task<AppClient> SignedInAsync(this SamskabFactory factory, string email)
    {
        var client = factory.CreateAppClient();
        await client.SignInAsync(email, PasswordFor(email));
        return client;
    }

    private static string PasswordFor(string email) =>
        email is "admin@demo.samskab.dk" or "anker@demo.samskab.dk" or "tovholder@demo.samskab.dk" or "aktoer@demo.samskab.dk" or "indsamling@demo.samskab.dk"
            or "brobygger@demo.samskab.dk" or "brobygger2@demo.samskab.dk" ? "Samskab-demo-1" : Password;

    public static Task<int> DemoInitiativeIdAsync(this SamskabFactory factory) =>
        factory.WithDbAsync(db => db.Initiatives.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());

    public static Task<int> PlatformIdAsync(this SamskabFactory factory, string name) =>
        factory.WithDbAsync(db => db.Platforms.Where(p => p.Name == name).Select(p => p.Id).FirstAsync());

    /// <summary>A fresh initiative of its own, so a test can change platforms without disturbing others.</summary>
    public static async Task<(int InitiativeId, int[] PlatformIds)> InitiativeWithPlatformsAsync(this SamskabFactory factory, string title, params string[] platforms)
    {
        return await factory.WithDbAsync(async db =>
        {
            var anchor = await db.People.FirstAsync(p => p.Email == "anker@demo.samskab.dk");
            var aisha = await db.People.FirstAsync(p => p.Email == "aktoer@demo.samskab.dk");
            var tobias = await db.People.FirstAsync(p => p.Email == "tovholder@demo.samskab.dk");
            var now = DateTimeOffset.UtcNow;
            var initiative = new Initiative { Title = title, SharedChallenge = "Udfordringen for " + title, StartDate = DateOnly.FromDateTime(now.UtcDateTime), Phase = 6, CreatedAt = now };
            initiative.Members.Add(new InitiativeMember { Person = anchor, Role = InitiativeRole.AnchorPerson, AddedAt = now });
            initiative.Members.Add(new InitiativeMember { Person = aisha, Role = InitiativeRole.Actor, AddedAt = now });
            initiative.Members.Add(new InitiativeMember { Person = tobias, Role = InitiativeRole.Actor, AddedAt = now });
            db.Initiatives.Add(initiative);
            var ids = new List<Samskab.Web.Features.Platforms.DevelopmentPlatform>();
            foreach (var name in platforms)
            {
                var p = new Samskab.Web.Features.Platforms.DevelopmentPlatform { Initiative = initiative, Name = name, FocusArea = "Fokus for " + name, CreatedAt = now };
                p.Members.Add(new Samskab.Web.Features.Platforms.PlatformMember { Person = aisha, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime) });
                p.Members.Add(new Samskab.Web.Features.Platforms.PlatformMember { Person = tobias, IsCoordinator = true, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime) });
                db.Platforms.Add(p);
                ids.Add(p);
            }
            await db.SaveChangesAsync();
            return (initiative.Id, ids.Select(p => p.Id).ToArray());
        });
    }
}
