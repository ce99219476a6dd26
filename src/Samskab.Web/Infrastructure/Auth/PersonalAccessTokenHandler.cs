using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>
/// "Authorization: Bearer sk_…" for integrations. The token is looked up by its hash; the principal is the same as
/// a cookie sign-in would give (claims from Identity), so permissions are identical.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    public const string TokenPrefix = "sk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Invalid token");
        }
        var hash = OneTimeToken.Hash(token);
        var now = clock.GetUtcNow();
        var pat = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.TokenHash == hash);
        if (pat is null || pat.RevokedAt is not null || (pat.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("Invalid token");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == pat.UserId);
        if (user is null || (user.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("Invalid token");
        }
        if (pat.LastUsedAt is null || now - pat.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            pat.LastUsedAt = now;
            await db.SaveChangesAsync();
        }
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
