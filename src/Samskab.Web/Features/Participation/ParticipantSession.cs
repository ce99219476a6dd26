using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

public sealed record CurrentParticipant(int Id, string DisplayName, bool Anonymous, IdentityLevel Level, int? DeviceId, string? InviteCode = null);

/// <summary>
/// Who takes part in this request: the participant of the remembered device (the participant cookie), or the
/// participant linked to the signed-in account. One query per request, whatever the page asks.
/// </summary>
public sealed class ParticipantSession(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string CookieName = "samskab.deltager";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    private bool _loaded;
    private CurrentParticipant? _current;

    public async Task<CurrentParticipant?> CurrentAsync(CancellationToken ct = default)
    {
        if (_loaded)
        {
            return _current;
        }
        _loaded = true;
        var context = http.HttpContext;
        if (context is null)
        {
            return null;
        }
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            _current = await db.Participants.Where(p => p.UserId == userId && p.DeletedAt == null)
                .Select(p => new CurrentParticipant(p.Id, p.DisplayName, p.Anonymous, p.Level, null, p.InviteCode))
                .FirstOrDefaultAsync(ct);
            if (_current is not null)
            {
                return _current;
            }
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var token) && token.Length is > 20 and < 100)
        {
            var hash = OneTimeToken.Hash(token);
            _current = await db.ParticipantDevices
                .Where(d => d.TokenHash == hash && d.RevokedAt == null && d.Participant!.DeletedAt == null && d.Participant.ConfirmedAt != null)
                .Select(d => new CurrentParticipant(d.ParticipantId, d.Participant!.DisplayName, d.Participant.Anonymous, d.Participant.Level, d.Id, d.Participant.InviteCode))
                .FirstOrDefaultAsync(ct);
        }
        return _current;
    }

    /// <summary>
    /// A signed-in account takes part with its account: the participant row is made the first time it is needed, with
    /// the account's name and address (already confirmed).
    /// </summary>
    public async Task<CurrentParticipant?> CurrentOrFromAccountAsync(CancellationToken ct = default)
    {
        if (await CurrentAsync(ct) is { } current)
        {
            return current;
        }
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }
        var email = account.Email?.Trim().ToLowerInvariant();
        var participant = email is null ? null : await db.Participants.FirstOrDefaultAsync(p => p.Email == email && p.UserId == null, ct);
        var now = clock.GetUtcNow();
        if (participant is null)
        {
            participant = new Participant { Email = email, CreatedAt = now };
            db.Participants.Add(participant);
        }
        participant.UserId = userId;
        participant.Level = IdentityLevel.Account;
        participant.DisplayName = Truncate(account.DisplayName, 60);
        participant.Language = account.Language;
        participant.ConfirmedAt ??= now;
        participant.DeletedAt = null;
        participant.InviteCode ??= Participant.NewInviteCode();
        await db.SaveChangesAsync(ct);
        _current = new CurrentParticipant(participant.Id, participant.DisplayName, participant.Anonymous, participant.Level, null, participant.InviteCode);
        _loaded = true;
        return _current;
    }

    /// <summary>Remembers this device for the participant: a new random token in a long-lived, HTTP-only cookie.</summary>
    public void RememberDevice(Participant participant)
    {
        var token = OneTimeToken.NewToken();
        db.ParticipantDevices.Add(new ParticipantDevice { Participant = participant, TokenHash = OneTimeToken.Hash(token), CreatedAt = clock.GetUtcNow() });
        http.HttpContext!.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.HttpContext.Request.IsHttps,
            MaxAge = CookieLifetime,
            Path = "/",
        });
    }

    public void ForgetDevice() => http.HttpContext?.Response.Cookies.Delete(CookieName);

    public const string InvitedByCookie = "samskab.ven";

    /// <summary>
    /// A visitor who opened a friend's invitation link: remembered in a cookie on their own device only (nothing in the
    /// database), so that joining can credit the friend.
    /// </summary>
    public void RememberInvitation(int campaignId, string code) =>
        http.HttpContext!.Response.Cookies.Append(InvitedByCookie, $"{campaignId}.{code}", new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/",
        });

    /// <summary>The campaign and code of the invitation this device followed, if any, and forgets it.</summary>
    public (int CampaignId, string Code)? TakeInvitation()
    {
        var context = http.HttpContext;
        if (context is null || !context.Request.Cookies.TryGetValue(InvitedByCookie, out var value)) return null;
        context.Response.Cookies.Delete(InvitedByCookie);
        var parts = value.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var campaign)
            && parts[1].Length is > 0 and <= 20 && parts[1].All(char.IsAsciiHexDigitLower)
            ? (campaign, parts[1])
            : null;
    }

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
