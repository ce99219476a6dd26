using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Account;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Localization;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// The two summaries of local areas: each bridge builder's weekly digest of what waits (answers due, overdue, passed on
/// and quiet), and each follower's digest of an area's new requests, answers and campaigns (at most one a day, only
/// when there is news). Both are sent once whichever instance gets there first (the outbox's dedupe key).
/// </summary>
public sealed class AreaDigest(AppDbContext db, MailOutbox outbox, LinkBuilder links, TimeProvider clock, IOptions<LocalAreaSettings> settings,
    IStringLocalizer<SharedResource> l)
{
    public async Task<int> SendBridgeBuilderDigestsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToDanish();
        var week = $"{ISOWeek.GetYear(now.DateTime)}-{ISOWeek.GetWeekOfYear(now.DateTime):D2}";
        var today = clock.Today();
        var soon = AreaRules.AnswerDue(today, 3);
        var quiet = clock.GetUtcNow().AddDays(-settings.Value.PassedOnQuietDays);
        var rows = await db.AreaBridgeBuilders
            .Select(b => new
            {
                b.UserId,
                Open = db.AreaRequests.Count(r => r.AreaId == b.AreaId && r.ClosedAt == null),
                Overdue = db.AreaRequests.Count(r => r.AreaId == b.AreaId && r.ClosedAt == null && r.FirstAnsweredAt == null && r.AnswerDueOn < today),
                DueSoon = db.AreaRequests.Count(r => r.AreaId == b.AreaId && r.ClosedAt == null && r.FirstAnsweredAt == null && r.AnswerDueOn >= today && r.AnswerDueOn <= soon),
                Quiet = db.AreaRequests.Count(r => r.AreaId == b.AreaId && r.State == RequestState.PassedOn && r.UpdatedAt < quiet),
            })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var person in rows.GroupBy(r => r.UserId))
        {
            var (open, overdue, dueSoon, silent) = (person.Sum(p => p.Open), person.Sum(p => p.Overdue), person.Sum(p => p.DueSoon), person.Sum(p => p.Quiet));
            if (open == 0) continue;
            var key = $"bridge-digest:{person.Key}:{week}";
            if (await outbox.ExistsAsync(key, ct)) continue;
            var user = await db.Users.Where(u => u.Id == person.Key).Select(u => new { u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(ct);
            if (user?.Email is null) continue;
            using var _ = new CultureScope(user.Language);
            var lines = new List<string>
            {
                l["Her er ugens overblik over henvendelserne i dine lokalområder:"].Value,
                l.Plural(open, "{0} åben henvendelse", "{0} åbne henvendelser").Value,
                l.Plural(overdue, "{0} har overskredet fristen for første svar", "{0} har overskredet fristen for første svar").Value,
                l.Plural(dueSoon, "{0} skal have første svar inden for tre arbejdsdage", "{0} skal have første svar inden for tre arbejdsdage").Value,
                l.Plural(silent, "{0} er sendt videre og ikke hørt fra i {1} dage", "{0} er sendt videre og ikke hørt fra i {1} dage", settings.Value.PassedOnQuietDays).Value,
            };
            var (text, html) = MailTemplates.ActionMail(l["Hej {0}", user.DisplayName].Value, lines, l["Åbn brobyggerens skrivebord"].Value,
                links.Absolute("/brobygger"), l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(user.Email, user.DisplayName, l["Ugens henvendelser i dine lokalområder"].Value, text, html, "BridgeBuilderDigest", DedupeKey: key));
            await outbox.SaveIgnoringDuplicatesAsync(ct);
            sent++;
        }
        return sent;
    }

    public async Task<int> SendFollowerDigestsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var day = now.ToDanish().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var followers = await db.AreaFollowers.Where(f => f.Participant!.DeletedAt == null && f.Participant.Email != null)
            .Select(f => new { f.AreaId, f.ParticipantId, f.Token, f.DigestedUntil, f.Participant!.Email, f.Participant.DisplayName, f.Participant.Language })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var area in followers.GroupBy(f => f.AreaId))
        {
            var since = area.Min(f => f.DigestedUntil);
            var name = await db.LocalAreas.Where(a => a.Id == area.Key).Select(a => a.Name).SingleAsync(ct);
            var requests = await db.AreaRequests.Where(r => r.AreaId == area.Key && r.CreatedAt > since).OrderBy(r => r.Id).Take(20)
                .Select(r => new { r.Title, r.CreatedAt }).ToListAsync(ct);
            var answers = await db.RequestEntries.Where(e => e.Kind == RequestEntryKind.StateChange && e.At > since && db.AreaRequests.Any(r => r.Id == e.RequestId && r.AreaId == area.Key))
                .OrderBy(e => e.Id).Take(20)
                .Select(e => new { e.State, e.At, Title = db.AreaRequests.Where(r => r.Id == e.RequestId).Select(r => r.Title).First() }).ToListAsync(ct);
            foreach (var f in area)
            {
                var news = requests.Where(r => r.CreatedAt > f.DigestedUntil).Select(r => (Kind: 1, r.Title, State: (RequestState?)null))
                    .Concat(answers.Where(a => a.At > f.DigestedUntil).Select(a => (Kind: 2, a.Title, State: a.State))).ToList();
                if (news.Count == 0) continue;
                var key = $"area-digest:{area.Key}:{f.ParticipantId}:{day}";
                if (!await outbox.ExistsAsync(key, ct))
                {
                    using var _ = new CultureScope(f.Language);
                    var lines = new List<string> { l["Nyt fra {0}, som du følger:", name].Value };
                    lines.AddRange(news.Select(n => n.Kind == 1
                        ? l["Ny henvendelse: {0}", n.Title].Value
                        : l["Svar på \"{0}\": {1}", n.Title, l[AreaRules.State(n.State!.Value)]].Value));
                    lines.Add(l["Vil du ikke have flere mails om lokalområdet, kan du afmelde dig med ét klik: {0}", links.Absolute($"/lokalomraader/afmeld/{f.Token}")].Value);
                    var (text, html) = MailTemplates.ActionMail(string.IsNullOrWhiteSpace(f.DisplayName) ? l["Hej"].Value : l["Hej {0}", f.DisplayName].Value, lines,
                        l["Se lokalområdet"].Value, links.Absolute($"/lokalomraader/{area.Key}"), l["Samskab – samskabelse i den offentlige sektor"].Value);
                    outbox.Enqueue(new OutgoingMail(f.Email!, f.DisplayName, l["Nyt fra {0}", name].Value, text, html, "AreaDigest", DedupeKey: key));
                    await outbox.SaveIgnoringDuplicatesAsync(ct);
                    sent++;
                }
                await db.AreaFollowers.Where(x => x.AreaId == f.AreaId && x.ParticipantId == f.ParticipantId).ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestedUntil, now), ct);
            }
        }
        return sent;
    }

    /// <summary>
    /// Staff ask an area for input: the campaign is announced at once to the forum's address and to every follower
    /// of the area.
    /// </summary>
    public async Task<int> AnnounceCampaignAsync(int campaignId, CancellationToken ct = default)
    {
        var c = await db.Campaigns.Where(x => x.Id == campaignId && x.LocalAreaId != null)
            .Select(x => new { x.Id, x.Theme, x.Question, x.ClosesOn, Area = db.LocalAreas.Where(a => a.Id == x.LocalAreaId).Select(a => new { a.Id, a.Name, a.ForumName, a.ForumEmail }).First() })
            .SingleOrDefaultAsync(ct);
        if (c is null) return 0;
        var followers = await db.AreaFollowers.Where(f => f.AreaId == c.Area.Id && f.Participant!.DeletedAt == null && f.Participant.Email != null)
            .Select(f => new { f.ParticipantId, f.Token, f.Participant!.Email, f.Participant.DisplayName, f.Participant.Language }).ToListAsync(ct);
        var recipients = followers.Select(f => (Key: $"p{f.ParticipantId}", Email: f.Email!, Name: f.DisplayName, f.Language, Unsubscribe: (string?)f.Token)).ToList();
        if (!string.IsNullOrWhiteSpace(c.Area.ForumEmail))
        {
            recipients.Add(("forum", c.Area.ForumEmail, c.Area.ForumName ?? "", "da", null));
        }
        var sent = 0;
        foreach (var r in recipients)
        {
            var key = $"area-campaign:{c.Id}:{r.Key}";
            if (await outbox.ExistsAsync(key, ct)) continue;
            using var _ = new CultureScope(r.Language);
            var lines = new List<string>
            {
                l["Kommunen spørger {0} om input: {1}", c.Area.Name, c.Theme].Value,
                c.Question,
                l["Indsamlingen er åben til og med {0}.", c.ClosesOn.ToText("d. MMMM yyyy", CultureInfo.CurrentCulture)].Value,
            };
            if (r.Unsubscribe is not null)
            {
                lines.Add(l["Vil du ikke have flere mails om lokalområdet, kan du afmelde dig med ét klik: {0}", links.Absolute($"/lokalomraader/afmeld/{r.Unsubscribe}")].Value);
            }
            var (text, html) = MailTemplates.ActionMail(string.IsNullOrWhiteSpace(r.Name) ? l["Hej"].Value : l["Hej {0}", r.Name].Value, lines,
                l["Giv jeres input"].Value, links.Absolute($"/indsamlinger/{c.Id}"), l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(r.Email, r.Name, l["{0}: kommunen vil gerne høre fra jer", c.Area.Name].Value, text, html, "AreaCampaign", DedupeKey: key));
            await outbox.SaveIgnoringDuplicatesAsync(ct);
            sent++;
        }
        return sent;
    }
}

/// <summary>Looks at start and then once an hour (Participation:DigestInterval) for digests that are due.</summary>
public sealed class AreaDigestLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ParticipationSettings> settings, ILogger<AreaDigestLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.DigestInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var digest = scope.ServiceProvider.GetRequiredService<AreaDigest>();
                await digest.SendBridgeBuilderDigestsAsync(stoppingToken);
                await digest.SendFollowerDigestsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The local area digests could not be sent; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
