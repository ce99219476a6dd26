using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samskab.Web.Features.Platforms;

public sealed class DevelopmentPlatformConfiguration : IEntityTypeConfiguration<DevelopmentPlatform>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlatform> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.FocusArea).HasMaxLength(2000);
        builder.Property(p => p.StatusReason).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.InitiativeId, p.Name });
        builder.HasOne(p => p.Initiative).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlatformMemberConfiguration : IEntityTypeConfiguration<PlatformMember>
{
    public void Configure(EntityTypeBuilder<PlatformMember> builder)
    {
        // A person is on a platform at most once at a time; earlier memberships stay as history.
        builder.HasIndex(m => new { m.PlatformId, m.PersonId }).IsUnique().HasFilter("\"LeftOn\" IS NULL");
        builder.Property(m => m.LeftReason).HasMaxLength(1000);
        builder.HasOne(m => m.Platform).WithMany(p => p.Members).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ChangeProposalConfiguration : IEntityTypeConfiguration<ChangeProposal>
{
    public void Configure(EntityTypeBuilder<ChangeProposal> builder)
    {
        builder.HasIndex(p => new { p.PlatformId, p.Status });
        builder.Property(p => p.Reason).HasMaxLength(2000);
        builder.Property(p => p.NewFocus).HasMaxLength(2000);
        builder.Property(p => p.DecisionRecord).HasMaxLength(4000);
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.HasOne(p => p.Platform).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.ProposedBy).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(p => p.MergeIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProposalResponseConfiguration : IEntityTypeConfiguration<ProposalResponse>
{
    public void Configure(EntityTypeBuilder<ProposalResponse> builder)
    {
        // One response per person per proposal; answering again changes it.
        builder.HasIndex(r => new { r.ProposalId, r.PersonId }).IsUnique();
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasOne<ChangeProposal>().WithMany(p => p.Responses).HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
