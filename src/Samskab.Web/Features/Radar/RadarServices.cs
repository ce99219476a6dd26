namespace Samskab.Web.Features.Radar;

public static class RadarRegistration
{
    /// <summary>The stagnation radar on the anchor person's dashboard.</summary>
    public static IServiceCollection AddRadar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StagnationRadar>();
        return services;
    }
}
