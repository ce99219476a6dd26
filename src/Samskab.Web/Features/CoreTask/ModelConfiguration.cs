using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.CoreTask;

public sealed class CoreTaskProcessConfiguration : IEntityTypeConfiguration<CoreTaskProcess>
{
    public void Configure(EntityTypeBuilder<CoreTaskProcess> builder)
    {
        builder.Property(p => p.UnitName).HasMaxLength(CoreTaskRules.NameLength);
        builder.Property(p => p.Description).HasMaxLength(CoreTaskRules.DescriptionLength);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Initiative>().WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OpeningQuestion>().WithMany().HasForeignKey(p => p.ChosenQuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CoreTaskFormulation>().WithMany().HasForeignKey(p => p.ChosenFormulationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Samskab.Web.Features.Participation.Campaign>().WithMany().HasForeignKey(p => p.CampCampaignId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CoreTaskParticipantConfiguration : IEntityTypeConfiguration<CoreTaskParticipant>
{
    public void Configure(EntityTypeBuilder<CoreTaskParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(CoreTaskRules.NameLength);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        // One place on the list per account in a process.
        builder.HasIndex(p => new { p.ProcessId, p.UserId }).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne<CoreTaskInvite>().WithMany().HasForeignKey(p => p.InviteId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class OpeningQuestionConfiguration : IEntityTypeConfiguration<OpeningQuestion>
{
    public void Configure(EntityTypeBuilder<OpeningQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(CoreTaskRules.QuestionLength);
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(q => q.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.ProposedBy).WithMany().HasForeignKey(q => q.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.ProcessId, q.CreatedAt });
    }
}

public sealed class OpeningQuestionCommentConfiguration : IEntityTypeConfiguration<OpeningQuestionComment>
{
    public void Configure(EntityTypeBuilder<OpeningQuestionComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(CoreTaskRules.CommentLength);
        builder.HasOne<OpeningQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.QuestionId, c.CreatedAt });
    }
}

public sealed class CoreTaskFormulationConfiguration : IEntityTypeConfiguration<CoreTaskFormulation>
{
    public void Configure(EntityTypeBuilder<CoreTaskFormulation> builder)
    {
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(f => f.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoreTaskParticipant>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FormulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ProcessId, f.CreatedAt });
    }
}

public sealed class FormulationVersionConfiguration : IEntityTypeConfiguration<FormulationVersion>
{
    public void Configure(EntityTypeBuilder<FormulationVersion> builder)
    {
        builder.Property(v => v.Text).HasMaxLength(CoreTaskCheck.MaxLength);
        builder.HasOne(v => v.Author).WithMany().HasForeignKey(v => v.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // Two people saving a new version at once: the second is refused, not a second "version 3".
        builder.HasIndex(v => new { v.FormulationId, v.Number }).IsUnique();
    }
}

public sealed class CoreTaskMaterialConfiguration : IEntityTypeConfiguration<CoreTaskMaterial>
{
    public void Configure(EntityTypeBuilder<CoreTaskMaterial> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(CoreTaskRules.MaterialLength);
        builder.Property(m => m.Question).HasMaxLength(CoreTaskRules.QuestionLength);
        builder.Property(m => m.Subject).HasMaxLength(CoreTaskRules.NameLength);
        builder.Property(m => m.Surprise).HasMaxLength(CoreTaskRules.CommentLength);
        builder.Property(m => m.UnderlyingNeed).HasMaxLength(CoreTaskRules.QuestionLength);
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProcessId, m.Kind, m.CreatedAt });
        builder.HasOne<CoreTaskInsight>().WithMany().HasForeignKey(m => m.InsightId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ProcessId, m.InsightId, m.CreatedAt });
        builder.Property(m => m.PhotoKey).HasMaxLength(32);
        builder.HasOne<CoreTaskBusStop>().WithMany().HasForeignKey(m => m.BusStopId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ProcessId, m.PendingReview });
        // What citizens sent through a link is seen by nobody until an owner has reviewed it; the review page alone
        // reads past this filter.
        builder.HasQueryFilter(m => !m.PendingReview);
    }
}

public sealed class CoreTaskInsightConfiguration : IEntityTypeConfiguration<CoreTaskInsight>
{
    public void Configure(EntityTypeBuilder<CoreTaskInsight> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(CoreTaskRules.InsightLength);
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(i => i.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoreTaskParticipant>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ProcessId, i.CreatedAt });
        builder.HasOne<CoreTaskInsight>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        // Removed insights are history: every query of the board and the validation sees only those on the board.
        builder.HasQueryFilter(i => i.RemovedAt == null);
    }
}

public sealed class InsightValidationConfiguration : IEntityTypeConfiguration<InsightValidation>
{
    public void Configure(EntityTypeBuilder<InsightValidation> builder)
    {
        builder.Property(v => v.Comment).HasMaxLength(CoreTaskRules.CommentLength);
        builder.HasOne<CoreTaskInsight>().WithMany().HasForeignKey(v => v.InsightId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Participant).WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        // One answer per participant and insight: a second answer replaces the first.
        builder.HasIndex(v => new { v.InsightId, v.ParticipantId }).IsUnique();
    }
}

public sealed class CoreTaskCommitmentConfiguration : IEntityTypeConfiguration<CoreTaskCommitment>
{
    public void Configure(EntityTypeBuilder<CoreTaskCommitment> builder)
    {
        builder.Property(c => c.Place).HasMaxLength(CoreTaskRules.NameLength);
        builder.Property(c => c.Idea).HasMaxLength(CoreTaskRules.CommentLength);
        builder.Property(c => c.StatusNote).HasMaxLength(CoreTaskRules.CommentLength);
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Actor).WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CoreTaskParticipant>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProcessId, c.Status, c.Deadline });
    }
}

public sealed class CoreTaskBusRideConfiguration : IEntityTypeConfiguration<CoreTaskBusRide>
{
    public void Configure(EntityTypeBuilder<CoreTaskBusRide> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(CoreTaskRules.NameLength);
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Stops).WithOne().HasForeignKey(s => s.RideId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ProcessId, r.RideOn });
    }
}

public sealed class CoreTaskBusStopConfiguration : IEntityTypeConfiguration<CoreTaskBusStop>
{
    public void Configure(EntityTypeBuilder<CoreTaskBusStop> builder)
    {
        builder.Property(s => s.Place).HasMaxLength(CoreTaskRules.NameLength);
        builder.Property(s => s.Dialogue).HasMaxLength(CoreTaskRules.MaterialLength);
    }
}

public sealed class CoreTaskInviteConfiguration : IEntityTypeConfiguration<CoreTaskInvite>
{
    public void Configure(EntityTypeBuilder<CoreTaskInvite> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(8);
        builder.Property(i => i.Prompt).HasMaxLength(CoreTaskRules.QuestionLength);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasOne<CoreTaskProcess>().WithMany().HasForeignKey(i => i.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoreTaskParticipant>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
