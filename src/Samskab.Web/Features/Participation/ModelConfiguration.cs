using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Participation;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Theme).HasMaxLength(200);
        builder.Property(c => c.Question).HasMaxLength(500);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.OrganisationName).HasMaxLength(200);
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(c => c.ClosesOn);
        builder.Property(c => c.WinnerText).HasMaxLength(IdeaRules.AnswerLength);
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.WinnerIdeaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Samskab.Web.Features.LocalAreas.LocalArea>().WithMany().HasForeignKey(c => c.LocalAreaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Managers).WithOne().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignManagerConfiguration : IEntityTypeConfiguration<CampaignManager>
{
    public void Configure(EntityTypeBuilder<CampaignManager> builder)
    {
        builder.HasKey(m => new { m.CampaignId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.DisplayName).HasMaxLength(60);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Language).HasMaxLength(5);
        // One participant per address and per account.
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.InviteCode).HasMaxLength(20);
        builder.HasIndex(p => p.InviteCode).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ParticipantInvitationConfiguration : IEntityTypeConfiguration<ParticipantInvitation>
{
    public void Configure(EntityTypeBuilder<ParticipantInvitation> builder)
    {
        // A citizen joins a campaign through one invitation at most.
        builder.HasIndex(i => new { i.CampaignId, i.InviteeId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(i => i.InviteeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ParticipantDeviceConfiguration : IEntityTypeConfiguration<ParticipantDevice>
{
    public void Configure(EntityTypeBuilder<ParticipantDevice> builder)
    {
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasOne(d => d.Participant).WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ParticipantChallengeConfiguration : IEntityTypeConfiguration<ParticipantChallenge>
{
    public void Configure(EntityTypeBuilder<ParticipantChallenge> builder)
    {
        builder.Property(c => c.Handle).HasMaxLength(64);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.LinkHash).HasMaxLength(64);
        builder.Property(c => c.ReturnUrl).HasMaxLength(500);
        builder.Property(c => c.DisplayName).HasMaxLength(60);
        builder.Property(c => c.RequestedFrom).HasMaxLength(64);
        builder.HasIndex(c => c.Handle).IsUnique();
        builder.HasIndex(c => c.LinkHash).IsUnique();
        builder.HasIndex(c => new { c.RequestedFrom, c.CreatedAt });
        builder.HasIndex(c => new { c.ParticipantId, c.CreatedAt });
        builder.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(IdeaRules.TitleLength);
        builder.Property(i => i.Text).HasMaxLength(IdeaRules.TextLength);
        builder.Property(i => i.PlaceName).HasMaxLength(IdeaRules.PlaceLength);
        builder.Property(i => i.ImageKey).HasMaxLength(64);
        // Each sort of the board is one index: the first page and every keyset page are index range scans.
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.Id });
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.LikeCount, i.Id });
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.BuildOnCount, i.Id });
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.AnsweredAt, i.Id });
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.Status, i.Id });
        builder.HasIndex(i => new { i.CampaignId, i.AwaitsModerator });
        builder.HasIndex(i => new { i.CampaignId, i.Visibility, i.ThemeId, i.Id });
        builder.Property(i => i.FilmUrl).HasMaxLength(IdeaRules.FilmUrlLength);
        builder.HasIndex(i => i.FamilyRootId);
        builder.HasIndex(i => i.BuildsOnId);
        builder.HasIndex(i => new { i.ParticipantId, i.CreatedAt });
        builder.HasOne(i => i.Campaign).WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Participant).WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Idea>().WithMany().HasForeignKey(i => i.BuildsOnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Idea>().WithMany().HasForeignKey(i => i.FamilyRootId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Idea>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(i => i.TakenUpByPlatformId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IdeaLikeConfiguration : IEntityTypeConfiguration<IdeaLike>
{
    public void Configure(EntityTypeBuilder<IdeaLike> builder)
    {
        // One like per participant per idea: a double click or two tabs cannot count twice.
        builder.HasKey(l => new { l.IdeaId, l.ParticipantId });
        builder.HasIndex(l => new { l.ParticipantId, l.IdeaId });
        builder.HasOne<Idea>().WithMany().HasForeignKey(l => l.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(l => l.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaAnswerConfiguration : IEntityTypeConfiguration<IdeaAnswer>
{
    public void Configure(EntityTypeBuilder<IdeaAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(IdeaRules.AnswerLength);
        builder.Property(a => a.ByName).HasMaxLength(200);
        builder.Property(a => a.ByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.IdeaId, a.At });
        builder.HasOne<Idea>().WithMany().HasForeignKey(a => a.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(a => a.PlatformId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IdeaFollowerConfiguration : IEntityTypeConfiguration<IdeaFollower>
{
    public void Configure(EntityTypeBuilder<IdeaFollower> builder)
    {
        builder.HasKey(f => new { f.IdeaId, f.ParticipantId });
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Participant).WithMany().HasForeignKey(f => f.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaReportConfiguration : IEntityTypeConfiguration<IdeaReport>
{
    public void Configure(EntityTypeBuilder<IdeaReport> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(IdeaRules.ReasonLength);
        // One report per participant per idea: reports count people, not clicks.
        builder.HasIndex(r => new { r.IdeaId, r.ParticipantId }).IsUnique();
        builder.HasOne<Idea>().WithMany().HasForeignKey(r => r.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(IdeaRules.ReasonLength);
        builder.Property(a => a.ByName).HasMaxLength(200);
        builder.Property(a => a.ByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.IdeaId, a.At });
        builder.HasOne<Idea>().WithMany().HasForeignKey(a => a.IdeaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignThemeConfiguration : IEntityTypeConfiguration<CampaignTheme>
{
    public void Configure(EntityTypeBuilder<CampaignTheme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(IdeaRules.ThemeLength);
        builder.HasIndex(t => new { t.CampaignId, t.Name }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JuryCriterionConfiguration : IEntityTypeConfiguration<JuryCriterion>
{
    public void Configure(EntityTypeBuilder<JuryCriterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(IdeaRules.ThemeLength);
        builder.Property(c => c.Description).HasMaxLength(IdeaRules.ReasonLength);
        builder.HasIndex(c => new { c.CampaignId, c.Position });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JuryScoreConfiguration : IEntityTypeConfiguration<JuryScore>
{
    public void Configure(EntityTypeBuilder<JuryScore> builder)
    {
        // One score per juror, entry and criterion: scoring again changes it.
        builder.HasKey(s => new { s.IdeaId, s.CriterionId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.CriterionId);
        builder.HasOne<Idea>().WithMany().HasForeignKey(s => s.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JuryCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaCommentConfiguration : IEntityTypeConfiguration<IdeaComment>
{
    public void Configure(EntityTypeBuilder<IdeaComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(IdeaRules.CommentLength);
        builder.Property(c => c.HiddenReason).HasMaxLength(IdeaRules.ReasonLength);
        builder.HasIndex(c => new { c.IdeaId, c.Visibility, c.Id });
        builder.HasIndex(c => new { c.ParticipantId, c.CreatedAt });
        builder.HasIndex(c => c.AwaitsModerator);
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        builder.HasKey(r => new { r.CommentId, r.ParticipantId });
        builder.Property(r => r.Reason).HasMaxLength(IdeaRules.ReasonLength);
        builder.HasOne<IdeaComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
