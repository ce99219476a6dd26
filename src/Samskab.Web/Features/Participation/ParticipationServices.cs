using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Images;

namespace Samskab.Web.Features.Participation;

public sealed class ParticipationSettings
{
    public int IdeasPerHour { get; set; } = IdeaRules.DefaultIdeasPerHour;

    /// <summary>Comments a participant may post in one hour (spam).</summary>
    public int CommentsPerHour { get; set; } = 30;

    /// <summary>Confirmation mails one address (client IP) may ask for in ten minutes.</summary>
    public int ConfirmationsPerAddress { get; set; } = 5;

    /// <summary>Confirmation mails one e-mail address may get in an hour.</summary>
    public int ConfirmationsPerEmail { get; set; } = 3;

    /// <summary>How often the moderation summary looks for managers who have not had today's mail.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);
}

public static class ParticipationRegistration
{
    /// <summary>Citizens taking part: campaigns, participants without passwords, ideas, likes, moderation, answers.</summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ParticipationSettings>(configuration.GetSection("Participation"));
        services.AddScoped<ParticipantSession>();
        services.AddScoped<IdeaActions>();
        services.AddScoped<CommentActions>();
        services.AddScoped<ParticipantSignUp>();
        services.AddScoped<ModerationDigest>();
        services.AddHostedService<ModerationDigestLoop>();
        services.AddImages();
        return services;
    }
}

/// <summary>The few things every participation page asks: who takes part, may they, and where to send them to join.</summary>
public static class ParticipationPages
{
    /// <summary>A local path to come back to after joining; anything else (another site, a scheme) becomes the list.</summary>
    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) && url.Length <= 400
            ? url
            : "/deltag";

    /// <summary>
    /// A page with several forms binds all of them; only the posted form's prefix ("Comment", "Winner" …) is validated.
    /// </summary>
    public static void KeepOnly(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            state.Remove(key);
        }
    }

    /// <summary>
    /// <see cref="KeepOnly"/>, and the posted form's model validated even when nothing of it was posted (a form that
    /// is not bound at all is not validated by MVC, so a bare POST would pass its [Required] fields).
    /// </summary>
    public static void ValidateOnly(this PageModel page, object model, string prefix)
    {
        page.ModelState.KeepOnly(prefix);
        if (!page.ModelState.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)))
        {
            page.TryValidateModel(model, prefix);
        }
    }

    public static string JoinUrl(string returnUrl) => "/deltag/tilmeld?tilbage=" + Uri.EscapeDataString(SafeReturn(returnUrl));

    /// <summary>The name a staff member answers and moderates with.</summary>
    public static string StaffName(this PageModel page) =>
        page.User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? page.User.Identity?.Name ?? "";

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(Samskab.Web.Infrastructure.Web.DanishTime.ToDanish(clock.GetUtcNow()).DateTime);

    /// <summary>
    /// A refusal on a participation page: 403 for someone who takes part (or is signed in) but may not; the join page
    /// for a visitor who has not joined.
    /// </summary>
    public static async Task<IActionResult> RefuseParticipantAsync(this PageModel page, ParticipantSession session) =>
        page.User.Identity?.IsAuthenticated == true || await session.CurrentAsync(page.HttpContext.RequestAborted) is not null
            ? page.Forbid()
            : new RedirectResult(JoinUrl(page.Request.Path + page.Request.QueryString));

    /// <summary>The participant for a write: signed-in accounts take part with their account; others must have joined.</summary>
    public static async Task<(CurrentParticipant? Participant, IActionResult? Refusal)> ParticipantForWriteAsync(this PageModel page, ParticipantSession session, string returnUrl)
    {
        var participant = await session.CurrentOrFromAccountAsync(page.HttpContext.RequestAborted);
        return participant is null ? (null, new RedirectResult(JoinUrl(returnUrl))) : (participant, null);
    }
}
