using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Comments on ideas: posted as the campaign's moderation says, reported with a threshold like ideas, hidden or
/// restored by moderators (recorded, with the reason the author sees). The idea's comment count counts published
/// comments and changes in the same transaction as the comment.
/// </summary>
public sealed class CommentActions(AppDbContext db, TimeProvider clock)
{
    public async Task<IdeaComment> PostAsync(Idea idea, Campaign campaign, int participantId, string text, CancellationToken ct = default)
    {
        var comment = new IdeaComment
        {
            IdeaId = idea.Id,
            ParticipantId = participantId,
            Text = text,
            Visibility = campaign.Moderation == ModerationMode.BeforePublication ? IdeaVisibility.Pending : IdeaVisibility.Published,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.IdeaComments.Add(comment);
        await db.SaveChangesAsync(ct);
        if (comment.Visibility == IdeaVisibility.Published)
        {
            await CountAsync(idea.Id, +1, ct);
        }
        await tx.CommitAsync(ct);
        return comment;
    }

    /// <summary>The author removes their own comment (it is gone, not hidden: it was theirs).</summary>
    public async Task DeleteAsync(IdeaComment comment, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var published = comment.Visibility == IdeaVisibility.Published;
        await db.ModerationActions.Where(a => a.CommentId == comment.Id).ExecuteDeleteAsync(ct);
        db.IdeaComments.Remove(comment);
        await db.SaveChangesAsync(ct);
        if (published)
        {
            await CountAsync(comment.IdeaId, -1, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>One report per participant; at the campaign's threshold the comment is hidden until a moderator decides.</summary>
    public async Task<bool> ReportAsync(IdeaComment comment, Campaign campaign, int participantId, string reason, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = new CommentReport { CommentId = comment.Id, ParticipantId = participantId, Reason = reason, CreatedAt = clock.GetUtcNow() };
        db.CommentReports.Add(report);
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
        await db.IdeaComments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount + 1), ct);
        await db.Entry(comment).ReloadAsync(ct);
        comment.AwaitsModerator = true;
        if (comment.ReportCount >= campaign.ReportThreshold && comment.Visibility == IdeaVisibility.Published)
        {
            db.ModerationActions.Add(new ModerationAction { IdeaId = comment.IdeaId, CommentId = comment.Id, Kind = ModerationActionKind.AutoHidden, Reason = reason, At = report.CreatedAt });
            await SetVisibilityAsync(comment, IdeaVisibility.Hidden, null, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A moderator approves, restores or hides a comment; the decision is recorded with its reason.</summary>
    public async Task ModerateAsync(IdeaComment comment, ModerationActionKind kind, string reason, string byName, string? byUserId, CancellationToken ct = default)
    {
        if (kind is not (ModerationActionKind.Approve or ModerationActionKind.Restore or ModerationActionKind.Hide))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ModerationActions.Add(new ModerationAction { IdeaId = comment.IdeaId, CommentId = comment.Id, Kind = kind, Reason = reason, ByName = byName, ByUserId = byUserId, At = clock.GetUtcNow() });
        comment.AwaitsModerator = false;
        if (kind == ModerationActionKind.Hide)
        {
            await SetVisibilityAsync(comment, IdeaVisibility.Hidden, reason, ct);
        }
        else
        {
            comment.ReportCount = 0;
            await SetVisibilityAsync(comment, IdeaVisibility.Published, null, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task SetVisibilityAsync(IdeaComment comment, IdeaVisibility visibility, string? reason, CancellationToken ct)
    {
        var was = comment.Visibility == IdeaVisibility.Published;
        comment.Visibility = visibility;
        comment.HiddenReason = visibility == IdeaVisibility.Hidden ? reason : null;
        await db.SaveChangesAsync(ct);
        var now = visibility == IdeaVisibility.Published;
        if (was != now)
        {
            await CountAsync(comment.IdeaId, now ? +1 : -1, ct);
        }
    }

    private Task<int> CountAsync(int ideaId, int delta, CancellationToken ct) =>
        db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CommentCount, i => i.CommentCount + delta), ct);
}
