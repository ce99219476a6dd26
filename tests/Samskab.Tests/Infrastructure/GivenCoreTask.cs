using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Web.Features.CoreTask;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Tests.Infrastructure;

public static class GivenCoreTask
{
    public const string AnchorEmail = "anker@demo.samskab.dk";

    /// <summary>A new account (someone who registered yesterday), with the test password; returns its e-mail.</summary>
    public static async Task<string> UserAsync(this SamskabFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{Guid.NewGuid():N}@eksempel.dk";
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow }, Given.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
        return email;
    }

    /// <summary>A process owned by the account with <paramref name="ownerEmail"/>, with more participants by account
    /// e-mail (or a name alone when the e-mail is null).</summary>
    public static Task<int> ProcessAsync(this SamskabFactory factory, string ownerEmail, string unit, params (string? Email, string Name, CoreTaskRole Role)[] others) =>
        factory.WithDbAsync(async db =>
        {
            var emails = others.Select(o => o.Email).Append(ownerEmail).OfType<string>().Select(e => e.ToUpperInvariant()).ToList();
            var ids = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => (u.Id, u.DisplayName));
            var owner = ids[ownerEmail.ToUpperInvariant()];
            var process = new CoreTaskProcess { UnitName = unit, CreatedAt = DateTimeOffset.UtcNow, CreatedByUserId = owner.Id };
            process.Participants.Add(new CoreTaskParticipant { UserId = owner.Id, Name = owner.DisplayName, Role = CoreTaskRole.Leader, IsOwner = true, AddedAt = DateTimeOffset.UtcNow });
            foreach (var (email, name, role) in others)
            {
                process.Participants.Add(new CoreTaskParticipant { UserId = email is null ? null : ids[email.ToUpperInvariant()].Id, Name = name, Role = role, AddedAt = DateTimeOffset.UtcNow });
            }
            db.CoreTaskProcesses.Add(process);
            await db.SaveChangesAsync();
            return process.Id;
        });
}
