using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The codes of the process's links: eight characters from an alphabet without look-alikes (no I, O, 0 or 1),
/// so a code read aloud in a room is typed right; about 10^12 codes, and wrong guesses are throttled.</summary>
public static class CoreTaskCodes
{
    public const int Length = 8;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Create(Length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });

    /// <summary>What a person typed, as a code: upper case, without spaces and dashes; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var code = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>"ABCD-EFGH": easier to read from a big screen.</summary>
    public static string Display(string code) => code.Length == Length ? code[..4] + "-" + code[4..] : code;
}

/// <summary>Wrong codes per address: after <see cref="MaxFailures"/> in ten minutes the address is turned away for the
/// rest of the window, so codes cannot be guessed. A room behind one address that types its code right is never
/// stopped. Kept per app instance.</summary>
public sealed class CoreTaskCodeGuard(TimeProvider clock)
{
    public const int MaxFailures = 20;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> failures = new();

    public bool IsBlocked(string address) =>
        failures.TryGetValue(address, out var f) && clock.GetUtcNow() - f.Start < Window && f.Count >= MaxFailures;

    public void Fail(string address)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(address, (now, 1), (_, f) => now - f.Start >= Window ? (now, 1) : (f.Start, f.Count + 1));
        if (failures.Count > 10_000)
        {
            foreach (var old in failures.Where(f => now - f.Value.Start >= Window).Select(f => f.Key).ToList())
            {
                failures.TryRemove(old, out _);
            }
        }
    }
}

/// <summary>Who a citizen without an account is in a process: the participant row made at their first contribution
/// through a link, remembered in a protected cookie so their next contribution is theirs too.</summary>
public sealed class CoreTaskGuestCookie(IDataProtectionProvider protection)
{
    private const string Name = "samskab.kt";
    private readonly IDataProtector protector = protection.CreateProtector("Samskab.CoreTask.Guest");

    public int? ParticipantId(HttpContext context, int inviteId)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value)) return null;
        try
        {
            var parts = protector.Unprotect(value).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], out var invite) && invite == inviteId && int.TryParse(parts[1], out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Remember(HttpContext context, int inviteId, int participantId) =>
        context.Response.Cookies.Append(Name, protector.Protect($"{inviteId}:{participantId}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/kerneopgave/bidrag",
        });
}
