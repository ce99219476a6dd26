using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>
/// One signed-in browser. The cookie carries the session's id; a session that is gone from this table (signed out,
/// ended by a password change, "sign out everywhere else", account deleted) no longer opens anything, on any
/// instance, even with a copied cookie.
/// </summary>
public class UserSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>How the person signed in: password, e-mail link, invitation or confirmation.</summary>
    public string? Method { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        var e = builder;
        e.Property(s => s.Id).HasMaxLength(64);
        e.Property(s => s.UserAgent).HasMaxLength(300);
        e.Property(s => s.IpAddress).HasMaxLength(64);
        e.Property(s => s.Method).HasMaxLength(30);
        e.HasIndex(s => s.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Creates, checks and ends the server-side sessions behind the sign-in cookie.</summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    public const string ClaimType = "samskab:sid";

    /// <summary>The session is touched at most this often, so a busy page does not write on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimType);

    public async Task<string> StartAsync(string userId, HttpContext http, string? method)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = OneTimeToken.NewToken(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 300),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            Method = method,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task<bool> IsActiveAsync(string userId, string sessionId)
    {
        var seen = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync();
        if (seen is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (now - seen.Value > TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }
        return true;
    }

    public Task EndAsync(string sessionId) => db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync();

    /// <summary>Ends every session of the account except the one given (null ends all).</summary>
    public Task<int> EndAllAsync(string userId, string? except = null) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != except).ExecuteDeleteAsync();

    private static string? Truncate(string value, int max) => string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;

    /// <summary>
    /// Wires the sessions into the Identity cookie: a new sign-in starts a session (a refresh of the same person's
    /// cookie keeps it), every request checks it, and signing out ends it.
    /// </summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        var validateStamp = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = async ctx =>
        {
            var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
            var userId = identity.FindFirst(ClaimTypes.NameIdentifier)!.Value;
            var current = ctx.HttpContext.User;
            var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            var existing = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? IdOf(current) : null;
            var id = existing is not null && await sessions.IsActiveAsync(userId, existing)
                ? existing
                : await sessions.StartAsync(userId, ctx.HttpContext, identity.FindFirst(ClaimTypes.AuthenticationMethod)?.Value ?? "pwd");
            foreach (var old in identity.FindAll(ClaimType).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(ClaimType, id));
        };
        options.Events.OnValidatePrincipal = async ctx =>
        {
            var userId = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var sessionId = IdOf(ctx.Principal);
            var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            if (userId is null || sessionId is null || !await sessions.IsActiveAsync(userId, sessionId))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validateStamp(ctx);
        };
        options.Events.OnSigningOut = async ctx =>
        {
            if (IdOf(ctx.HttpContext.User) is { } sessionId)
            {
                await ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(sessionId);
            }
        };
    }

    /// <summary>The security-stamp check builds a new principal now and then; it keeps the session's id.</summary>
    public static void Configure(SecurityStampValidatorOptions options) =>
        options.OnRefreshingPrincipal = ctx =>
        {
            if (IdOf(ctx.CurrentPrincipal) is { } id && ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(ClaimType, id));
            }
            return Task.CompletedTask;
        };

    /// <summary>"Chrome på Windows": enough for a person to recognise their own devices.</summary>
    public static string Describe(string? userAgent, Func<string, string> localize)
    {
        var ua = userAgent ?? "";
        var browser = ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : null;
        var system = ua.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : ua.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        return (browser, system) switch
        {
            (null, null) => localize("Ukendt browser"),
            (not null, null) => browser,
            (null, not null) => system,
            _ => localize("{0} på {1}").Replace("{0}", browser, StringComparison.Ordinal).Replace("{1}", system, StringComparison.Ordinal),
        };
    }
}
