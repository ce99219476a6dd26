using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Account;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// One summary mail a day to each campaign manager with something waiting in their moderation queues (the reference
/// systems' moderators get no notice, so reported ideas wait for weeks). Sent once per manager and Danish day, whichever
/// instance gets there first (the outbox's dedupe key).
/// </summary>
public sealed class ModerationDigest(AppDbContext db, MailOutbox outbox, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var day = clock.GetUtcNow().ToDanish().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var waiting = await db.CampaignManagers
            .Select(m => new
            {
                m.UserId,
                m.CampaignId,
                Theme = db.Campaigns.Where(c => c.Id == m.CampaignId).Select(c => c.Theme).First(),
                Count = db.Ideas.Count(i => i.CampaignId == m.CampaignId && (i.AwaitsModerator || i.Visibility == IdeaVisibility.Pending))
                    + db.IdeaComments.Count(c => (c.AwaitsModerator || c.Visibility == IdeaVisibility.Pending) && db.Ideas.Any(i => i.Id == c.IdeaId && i.CampaignId == m.CampaignId)),
            })
            .Where(x => x.Count > 0)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var manager in waiting.GroupBy(w => w.UserId))
        {
            var key = $"moderation-digest:{manager.Key}:{day}";
            if (await outbox.ExistsAsync(key, ct)) continue;
            var user = await db.Users.Where(u => u.Id == manager.Key).Select(u => new { u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(ct);
            if (user?.Email is null) continue;
            using var _ = new CultureScope(user.Language);
            var lines = manager.OrderBy(m => m.Theme, StringComparer.CurrentCulture)
                .Select(m => m.Count == 1 ? l["{0}: 1 bidrag venter.", m.Theme].Value : l["{0}: {1} bidrag venter.", m.Theme, m.Count].Value)
                .ToList();
            var first = manager.OrderBy(m => m.Theme, StringComparer.CurrentCulture).First();
            var (text, html) = MailTemplates.ActionMail(l["Hej {0}", user.DisplayName].Value,
                [l["Her er, hvad der venter på moderering i dine indsamlinger i dag:"].Value, .. lines],
                l["Åbn moderering"].Value, links.Absolute($"/indsamlinger/{first.CampaignId}/moderering"),
                l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(user.Email, user.DisplayName, l["Der venter bidrag på moderering"].Value, text, html, "ModerationDigest", DedupeKey: key));
            await outbox.SaveIgnoringDuplicatesAsync(ct);
            sent++;
        }
        return sent;
    }
}

/// <summary>Looks once an hour (Participation:DigestInterval) for managers who have not had today's summary.</summary>
public sealed class ModerationDigestLoop(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ParticipationSettings> settings, ILogger<ModerationDigestLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.DigestInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ModerationDigest>().SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The moderation summary could not be sent; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
