using Microsoft.AspNetCore.Identity;

namespace Samskab.Web.Infrastructure.Auth;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"da" or "en"; the UI language chosen on the account page.</summary>
    public string Language { get; set; } = "da";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class RoleNames
{
    public const string Administrator = "Administrator";

    /// <summary>Staff who may create campaigns for citizens (indsamlingsansvarlig); given by an administrator.</summary>
    public const string CampaignManager = "CampaignManager";
}
