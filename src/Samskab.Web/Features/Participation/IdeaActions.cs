using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Account;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// The writes on ideas that keep counters: every counter (likes, build-ons, reports, the campaign's ideas) changes in
/// the same transaction as the row it counts, by a relative UPDATE, so concurrent likes never lose or double a count.
/// </summary>
public sealed class IdeaActions(AppDbContext db, TimeProvider clock, MailOutbox outbox, LinkBuilder links, IStringLocalizer<SharedResource> l)
{
    /// <summary>Likes once; a second like by the same participant (double click, two tabs) changes nothing.</summary>
    public async Task<bool> LikeAsync(int ideaId, int participantId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var like = new IdeaLike { IdeaId = ideaId, ParticipantId = participantId, CreatedAt = clock.GetUtcNow() };
        db.IdeaLikes.Add(like);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(like).State = EntityState.Detached;
            await tx.RollbackAsync(ct);
            return false;
        }
        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LikeCount, i => i.LikeCount + 1), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> UnlikeAsync(int ideaId, int participantId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.IdeaLikes.Where(x => x.IdeaId == ideaId && x.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LikeCount, i => i.LikeCount - 1), ct);
        }
        await tx.CommitAsync(ct);
        return removed == 1;
    }

    public async Task FollowAsync(int ideaId, int participantId, CancellationToken ct = default)
    {
        if (await db.IdeaFollowers.AnyAsync(f => f.IdeaId == ideaId && f.ParticipantId == participantId, ct))
        {
            return;
        }
        var follower = new IdeaFollower { IdeaId = ideaId, ParticipantId = participantId, Token = OneTimeToken.NewToken(), CreatedAt = clock.GetUtcNow() };
        db.IdeaFollowers.Add(follower);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(follower).State = EntityState.Detached; // followed a moment ago in another request
        }
    }

    public Task UnfollowAsync(int ideaId, int participantId, CancellationToken ct = default) =>
        db.IdeaFollowers.Where(f => f.IdeaId == ideaId && f.ParticipantId == participantId).ExecuteDeleteAsync(ct);

    /// <summary>Posts an idea: published at once, or waiting for a moderator, as the campaign says.</summary>
    public async Task<Idea> PostAsync(Campaign campaign, int participantId, string title, string text, string? place, string? imageKey, Idea? buildsOn, string? filmUrl = null, CancellationToken ct = default)
    {
        var idea = new Idea
        {
            CampaignId = campaign.Id,
            ParticipantId = participantId,
            Title = title,
            Text = text,
            PlaceName = place,
            ImageKey = imageKey,
            FilmUrl = filmUrl,
            BuildsOnId = buildsOn?.Id,
            FamilyRootId = buildsOn is null ? null : buildsOn.FamilyRootId ?? buildsOn.Id,
            Visibility = campaign.Moderation == ModerationMode.BeforePublication ? IdeaVisibility.Pending : IdeaVisibility.Published,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, ParticipantId = participantId, Token = OneTimeToken.NewToken(), CreatedAt = idea.CreatedAt });
        await db.SaveChangesAsync(ct);
        if (idea.Visibility == IdeaVisibility.Published)
        {
            await CountAsync(idea, +1, ct);
        }
        await tx.CommitAsync(ct);
        return idea;
    }

    /// <summary>
    /// Changes whether an idea is public, keeping the counters of public ideas (the campaign's ideas, the parent's
    /// build-ons) true.
    /// </summary>
    public async Task SetVisibilityAsync(Idea idea, IdeaVisibility visibility, CancellationToken ct = default)
    {
        var was = idea.Visibility == IdeaVisibility.Published;
        idea.Visibility = visibility;
        var now = visibility == IdeaVisibility.Published;
        await db.SaveChangesAsync(ct);
        if (was != now)
        {
            await CountAsync(idea, now ? +1 : -1, ct);
        }
    }

    private async Task CountAsync(Idea idea, int delta, CancellationToken ct)
    {
        await db.Campaigns.Where(c => c.Id == idea.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount + delta), ct);
        if (idea.BuildsOnId is int parent)
        {
            await db.Ideas.Where(i => i.Id == parent).ExecuteUpdateAsync(s => s.SetProperty(i => i.BuildOnCount, i => i.BuildOnCount + delta), ct);
        }
    }

    /// <summary>One report per participant; at the campaign's threshold the idea is hidden until a moderator decides.</summary>
    public async Task<bool> ReportAsync(Idea idea, Campaign campaign, int participantId, string reason, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = new IdeaReport { IdeaId = idea.Id, ParticipantId = participantId, Reason = reason, CreatedAt = clock.GetUtcNow() };
        db.IdeaReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(report).State = EntityState.Detached;
            await tx.RollbackAsync(ct);
            return false;
        }
        await db.Ideas.Where(i => i.Id == idea.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReportCount, i => i.ReportCount + 1), ct);
        var count = await db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.ReportCount).SingleAsync(ct);
        await db.Entry(idea).ReloadAsync(ct);
        if (count >= campaign.ReportThreshold && idea.Visibility == IdeaVisibility.Published)
        {
            idea.AwaitsModerator = true;
            db.ModerationActions.Add(new ModerationAction { IdeaId = idea.Id, Kind = ModerationActionKind.AutoHidden, Reason = reason, At = report.CreatedAt });
            await SetVisibilityAsync(idea, IdeaVisibility.Hidden, ct);
        }
        else if (!idea.AwaitsModerator)
        {
            idea.AwaitsModerator = true;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A moderator's decision, recorded with its reason (which the author sees).</summary>
    public async Task ModerateAsync(Idea idea, ModerationActionKind kind, string reason, string byName, string? byUserId, string? newTitle = null, string? newText = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ModerationActions.Add(new ModerationAction { IdeaId = idea.Id, Kind = kind, Reason = reason, ByName = byName, ByUserId = byUserId, At = clock.GetUtcNow() });
        // Correcting the text is not a decision on whether the idea is shown: it stays in the queue until one is made.
        idea.AwaitsModerator = kind == ModerationActionKind.EditOut && idea.AwaitsModerator;
        switch (kind)
        {
            case ModerationActionKind.Approve:
            case ModerationActionKind.Restore:
                idea.ReportCount = 0;
                await SetVisibilityAsync(idea, IdeaVisibility.Published, ct);
                break;
            case ModerationActionKind.Hide:
                await SetVisibilityAsync(idea, IdeaVisibility.Hidden, ct);
                break;
            case ModerationActionKind.EditOut:
                idea.Title = newTitle ?? idea.Title;
                idea.Text = newText ?? idea.Text;
                idea.EditedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The municipality's answer: a status with a dated, public text, appended to the idea's history; every follower
    /// gets a mail in their language with a one-click unsubscribe link, sent once.
    /// </summary>
    public async Task<IdeaAnswer> AnswerAsync(Idea idea, IdeaStatus status, string text, int? platformId, int? mergedIntoId, string byName, string? byUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var answer = new IdeaAnswer { IdeaId = idea.Id, Status = status, Text = text, PlatformId = platformId, MergedIntoId = mergedIntoId, ByName = byName, ByUserId = byUserId, At = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.IdeaAnswers.Add(answer);
        idea.Status = status;
        idea.AnsweredAt = now;
        idea.TakenUpByPlatformId = status == IdeaStatus.TakenUp ? platformId : idea.TakenUpByPlatformId;
        idea.MergedIntoId = status == IdeaStatus.Merged ? mergedIntoId : null;
        await db.SaveChangesAsync(ct);
        var followers = await db.IdeaFollowers.Where(f => f.IdeaId == idea.Id)
            .Select(f => new { f.ParticipantId, f.Token, f.Participant!.Email, f.Participant.DisplayName, f.Participant.Language, f.Participant.DeletedAt })
            .Where(f => f.Email != null && f.DeletedAt == null)
            .ToListAsync(ct);
        foreach (var f in followers)
        {
            using var _ = new CultureScope(f.Language);
            var paragraphs = new List<string>
            {
                l["Idéen \"{0}\", som du følger, har fået en ny status: {1}.", idea.Title, l[IdeaRules.Status(status)]].Value,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                paragraphs.Add(l["Svar fra {0}: {1}", byName, text].Value);
            }
            paragraphs.Add(l["Vil du ikke have flere mails om idéen, kan du afmelde dig med ét klik: {0}", links.Absolute($"/deltag/afmeld/{f.Token}")].Value);
            var (plain, html) = MailTemplates.ActionMail(
                string.IsNullOrWhiteSpace(f.DisplayName) ? l["Hej"].Value : l["Hej {0}", f.DisplayName].Value,
                paragraphs, l["Se idéen"].Value, links.Absolute($"/ideer/{idea.Id}"), l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new OutgoingMail(f.Email!, f.DisplayName, l["Ny status på idéen \"{0}\"", idea.Title].Value, plain, html, "IdeaStatus",
                DedupeKey: $"idea-answer:{answer.Id}:{f.ParticipantId}"));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return answer;
    }

    /// <summary>Puts the idea on the agenda of the platform's next meeting; false when the platform has none planned.</summary>
    public async Task<int?> AddToNextMeetingAsync(Idea idea, int platformId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var meeting = await db.Meetings.Where(m => m.PlatformId == platformId && m.StartsAt > now && m.CancelledAt == null)
            .OrderBy(m => m.StartsAt).Select(m => new { m.Id, Next = m.Agenda.Select(a => (int?)a.Order).Max() ?? 0 }).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }
        db.AgendaItems.Add(new AgendaItem
        {
            MeetingId = meeting.Id,
            Order = meeting.Next + 1,
            Title = Truncate(l["Borgeridé: {0}", idea.Title].Value, 300),
            Description = Truncate(idea.Text + "\n\n" + links.Absolute($"/ideer/{idea.Id}"), 2000),
        });
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
