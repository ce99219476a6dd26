using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Api;

/// <summary>The JSON API for integrations under /api/v1. Features add their resources here.</summary>
public static class ApiEndpoints
{
    public sealed record MeResponse(string Id, string Email, string Name, string Language, bool IsAdministrator);

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Startup.ApiPolicy)
            .WithTags("Samskab")
            .DisableAntiforgery();

        api.MapGet("/me", async (ClaimsPrincipal principal, UserManager<AppUser> users) =>
            await users.GetUserAsync(principal) is { } user
                ? Results.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, user.Language, principal.IsInRole(RoleNames.Administrator)))
                : Results.Unauthorized())
            .WithName("GetMe")
            .WithSummary("The signed-in account")
            .Produces<MeResponse>();

        api.MapInitiativesApi();
        Samskab.Web.Features.Meetings.MeetingsApi.MapMeetingsApi(api);
        Samskab.Web.Features.Newsletters.NewslettersApi.MapNewslettersApi(api);
        Samskab.Web.Features.CoreTask.CoreTaskProcessesApi.MapCoreTaskProcessesApi(api);
    }
}
