using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>
/// Failed password attempts for one key: an e-mail address (hashed, known or not, so the answers are the same) or a
/// client address. Stored in the database so every instance counts the same attempts.
/// </summary>
public class SignInFailure
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        var e = builder;
        e.HasKey(f => f.Key);
        e.Property(f => f.Key).HasMaxLength(100);
        e.HasIndex(f => f.LastFailureAt);
    }
}

/// <summary>
/// Limits password attempts per account and per client address with growing delays, instead of a lock-out that
/// anyone could trigger for someone else: after the free attempts each further failure doubles the wait (1, 2, 4 …
/// minutes, at most an hour). A sign-in link still works for a throttled account, because it proves the mailbox,
/// and lifts the throttle.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int FreeAttemptsPerAccount = 5;
    /// <summary>A whole office may sit behind one address, so it gets more attempts (RateLimits:PasswordFailuresPerAddress).</summary>
    public int FreeAttemptsPerAddress => configuration.GetValue("RateLimits:PasswordFailuresPerAddress", 20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    public static string AccountKey(string email) => "account:" + OneTimeToken.Hash(email.Trim().ToUpperInvariant());

    public static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");

    /// <summary>When the keys may try again, or null if they may now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(params string[] keys)
    {
        var now = clock.GetUtcNow();
        var blocks = await db.SignInFailures.AsNoTracking().Where(f => keys.Contains(f.Key)).Select(f => f.BlockedUntil).ToListAsync();
        var until = blocks.Where(b => b > now).Max();
        return until;
    }

    public async Task FailedAsync(string accountKey, string addressKey)
    {
        var now = clock.GetUtcNow();
        await CountAsync(accountKey, FreeAttemptsPerAccount, now);
        await CountAsync(addressKey, FreeAttemptsPerAddress, now);
        // Old counts go: a person who mistyped yesterday starts afresh.
        var forgotten = now - Forget;
        await db.SignInFailures.Where(f => f.LastFailureAt < forgotten).ExecuteDeleteAsync();
    }

    /// <summary>A correct password or a used sign-in link ends the account's count.</summary>
    public Task SucceededAsync(string accountKey) => db.SignInFailures.Where(f => f.Key == accountKey).ExecuteDeleteAsync();

    private async Task CountAsync(string key, int free, DateTimeOffset now)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await db.SignInFailures.SingleOrDefaultAsync(f => f.Key == key);
            if (row is null)
            {
                row = db.SignInFailures.Add(new SignInFailure { Key = key }).Entity;
            }
            else if (now - row.LastFailureAt > Forget)
            {
                row.Failures = 0;
            }
            row.Failures++;
            row.LastFailureAt = now;
            if (row.Failures >= free)
            {
                var doublings = Math.Min(row.Failures - free, 6);
                var delay = TimeSpan.FromMinutes(Math.Pow(2, doublings));
                row.BlockedUntil = now + (delay > MaxDelay ? MaxDelay : delay);
            }
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException)
            {
                // Two attempts at once created the same row; count again on the stored one.
                db.ChangeTracker.Clear();
            }
        }
    }
}
