using System.Security.Cryptography;

namespace Samskab.Web.Infrastructure.Auth;

public enum OneTimeTokenPurpose
{
    SignInLink = 1,
    Invitation = 2,
    EmailConfirmation = 3,
    EmailChange = 4,
}

/// <summary>
/// A link sent by e-mail that may be used once. Only a hash of the token is stored, so a database leak does not
/// leak working links.
/// </summary>
public class OneTimeToken
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public OneTimeTokenPurpose Purpose { get; set; }
    public required string UserId { get; set; }

    /// <summary>Purpose-specific data, e.g. the new address for an e-mail change.</summary>
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
