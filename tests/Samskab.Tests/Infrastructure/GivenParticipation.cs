using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Xunit;

namespace Samskab.Tests.Infrastructure;

/// <summary>Builders for citizens' campaigns, participants and ideas.</summary>
public static partial class GivenParticipation
{
    public const string ManagerEmail = "indsamling@demo.samskab.dk";

    /// <summary>A campaign of its own, managed by the demo campaign manager, open today unless told otherwise.</summary>
    public static Task<int> CampaignAsync(this SamskabFactory factory, string theme, ModerationMode moderation = ModerationMode.AfterPublication,
        int opensInDays = -5, int closesInDays = 30, int? initiativeId = null, int reportThreshold = 3) =>
        factory.WithDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Email == ManagerEmail);
            var today = DateOnly.FromDateTime(Samskab.Web.Infrastructure.Web.DanishTime.ToDanish(DateTimeOffset.UtcNow).DateTime);
            var campaign = new Campaign
            {
                Type = CampaignType.IdeaBoard,
                Theme = theme,
                Question = "Hvad vil du?",
                OrganisationName = "Testby Kommune",
                OpensOn = today.AddDays(opensInDays),
                ClosesOn = today.AddDays(closesInDays),
                Moderation = moderation,
                InitiativeId = initiativeId,
                ReportThreshold = reportThreshold,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            campaign.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = DateTimeOffset.UtcNow });
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>A confirmed participant with a remembered device; returns its id and the device token (the cookie's value).</summary>
    public static Task<(int Id, string Token)> ParticipantAsync(this SamskabFactory factory, string name, string? email = null) =>
        factory.WithDbAsync(async db =>
        {
            var participant = new Participant
            {
                Email = email ?? $"{Guid.NewGuid():N}@borger.dk",
                DisplayName = name,
                CreatedAt = DateTimeOffset.UtcNow,
                ConfirmedAt = DateTimeOffset.UtcNow,
            };
            var token = OneTimeToken.NewToken();
            db.ParticipantDevices.Add(new ParticipantDevice { Participant = participant, TokenHash = OneTimeToken.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (participant.Id, token);
        });

    /// <summary>A browser that the participant's device cookie identifies.</summary>
    public static AppClient ParticipantClient(this SamskabFactory factory, string token)
    {
        var client = factory.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", $"{ParticipantSession.CookieName}={token}");
        return client;
    }

    /// <summary>An idea posted through the same code as the page (counters and the author's follow included).</summary>
    public static async Task<int> IdeaAsync(this SamskabFactory factory, int campaignId, int participantId, string title, string text = "En beskrivelse.", int? buildsOn = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = scope.ServiceProvider.GetRequiredService<IdeaActions>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var parent = buildsOn is int p ? await db.Ideas.SingleAsync(i => i.Id == p) : null;
        var idea = await actions.PostAsync(campaign, participantId, title, text, null, null, parent);
        return idea.Id;
    }

    /// <summary>Joins through the real pages: name and address, then the six-digit code from the mail.</summary>
    public static async Task<AppClient> JoinAsync(this SamskabFactory factory, string email, string name, string returnUrl = "/deltag")
    {
        var client = factory.CreateAppClient();
        var form = await client.GetAsync("/deltag/tilmeld?tilbage=" + Uri.EscapeDataString(returnUrl));
        var sent = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.Email"] = email });
        Assert.Contains("Skriv koden fra mailen", sent.Text);
        var code = await CodeAsync(factory, email);
        var done = await client.SubmitAsync(sent.Document, "main form", new Dictionary<string, string> { ["Code"] = code });
        Assert.Contains("Din e-mail er bekræftet", done.Text);
        return client;
    }

    public static async Task<string> CodeAsync(this SamskabFactory factory, string email)
    {
        var mails = await factory.ToAsync(email.ToLowerInvariant());
        Assert.NotEmpty(mails);
        return CodePattern().Match(mails[^1].Subject).Value;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
