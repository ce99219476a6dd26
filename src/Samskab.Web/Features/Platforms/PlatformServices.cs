namespace Samskab.Web.Features.Platforms;

public static class PlatformsRegistration
{
    /// <summary>Development platforms: their lifecycle (standby, close, merge) and decisions by consent.</summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlatformLifecycle>();
        services.AddScoped<Consent>();
        return services;
    }
}
