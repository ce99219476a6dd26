using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Platforms;

namespace Samskab.Web.Features.RealityChecks;

public sealed class RealityCheckConfiguration : IEntityTypeConfiguration<RealityCheck>
{
    public void Configure(EntityTypeBuilder<RealityCheck> builder)
    {
        builder.HasIndex(c => new { c.PlatformId, c.StartedAt });
        builder.Property(c => c.StartedByName).HasMaxLength(200);
        builder.Property(c => c.Summary).HasMaxLength(4000);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.RealityCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RealityCheckAnswerConfiguration : IEntityTypeConfiguration<RealityCheckAnswer>
{
    public void Configure(EntityTypeBuilder<RealityCheckAnswer> builder)
    {
        // One answer per person per check; answering again edits it.
        builder.HasIndex(a => new { a.RealityCheckId, a.PersonId }).IsUnique();
        builder.Property(a => a.GoalProgress).HasMaxLength(4000);
        builder.Property(a => a.Participation).HasMaxLength(4000);
        builder.Property(a => a.Obstacles).HasMaxLength(4000);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
