namespace Samskab.Web.Features.Meetings;

public static class MeetingsRegistration
{
    /// <summary>Meetings: planning and invitations, and the signed reply links in the mails.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeetingScheduler>();
        services.AddSingleton<ReplyLinks>();
        return services;
    }
}
