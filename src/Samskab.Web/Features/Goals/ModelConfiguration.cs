using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Platforms;

namespace Samskab.Web.Features.Goals;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasIndex(g => g.PlatformId);
        builder.Property(g => g.Title).HasMaxLength(200);
        builder.Property(g => g.Description).HasMaxLength(4000);
        builder.Property(g => g.ServesChallenge).HasMaxLength(2000);
        builder.Property(g => g.Indicator).HasMaxLength(300);
        builder.Property(g => g.Unit).HasMaxLength(50);
        builder.Property(g => g.BaselineValue).HasPrecision(18, 4);
        builder.Property(g => g.TargetValue).HasPrecision(18, 4);
        builder.Property(g => g.BaselineDescription).HasMaxLength(4000);
        builder.Property(g => g.ExpectedInfluence).HasMaxLength(4000);
        builder.Property(g => g.Argument).HasMaxLength(4000);
        builder.Property(g => g.Weaknesses).HasMaxLength(4000);
        builder.Property(g => g.StatusReason).HasMaxLength(2000);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(g => g.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Measurements).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Observations).WithOne().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GoalMeasurementConfiguration : IEntityTypeConfiguration<GoalMeasurement>
{
    public void Configure(EntityTypeBuilder<GoalMeasurement> builder)
    {
        builder.HasIndex(m => new { m.GoalId, m.MeasuredOn });
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.Property(m => m.ByName).HasMaxLength(200);
    }
}

public sealed class GoalObservationConfiguration : IEntityTypeConfiguration<GoalObservation>
{
    public void Configure(EntityTypeBuilder<GoalObservation> builder)
    {
        builder.HasIndex(o => new { o.GoalId, o.ObservedOn });
        builder.Property(o => o.Text).HasMaxLength(4000);
        builder.Property(o => o.ByName).HasMaxLength(200);
    }
}
