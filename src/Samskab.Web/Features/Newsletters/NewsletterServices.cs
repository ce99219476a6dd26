namespace Samskab.Web.Features.Newsletters;

public static class NewslettersRegistration
{
    /// <summary>Newsletters: compiling editions, the anchor person's desk, and the background sender.</summary>
    public static IServiceCollection AddNewsletters(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NewsletterSettings>(configuration.GetSection("Newsletters"));
        services.AddSingleton<NewsletterSignal>();
        services.AddScoped<NewsletterCompiler>();
        services.AddScoped<NewsletterDesk>();
        services.AddHostedService<NewsletterSender>();
        return services;
    }
}
