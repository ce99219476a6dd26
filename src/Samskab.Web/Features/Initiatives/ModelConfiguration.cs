using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samskab.Web.Features.Initiatives;

public sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.SharedChallenge).HasMaxLength(2000);
        builder.Property(i => i.Description).HasMaxLength(8000);
        builder.Property(i => i.GroundRules).HasMaxLength(4000);
        builder.Property(i => i.TargetGroup).HasMaxLength(2000);
        builder.Property(i => i.Vision).HasMaxLength(4000);
        builder.Property(i => i.Purpose).HasMaxLength(4000);
        builder.Property(i => i.ImportantResults).HasMaxLength(4000);
        builder.Property(i => i.Participants).HasMaxLength(4000);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.HasIndex(t => new { t.InitiativeId, t.At });
        builder.HasIndex(t => new { t.PlatformId, t.At });
        builder.Property(t => t.ByName).HasMaxLength(200);
        builder.Property(t => t.Kind).HasMaxLength(50);
        builder.Property(t => t.What).HasMaxLength(1000);
        builder.Property(t => t.Data).HasMaxLength(8000);
        builder.Property(t => t.Why).HasMaxLength(2000);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(t => t.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InitiativeMemberConfiguration : IEntityTypeConfiguration<InitiativeMember>
{
    public void Configure(EntityTypeBuilder<InitiativeMember> builder)
    {
        builder.HasIndex(m => new { m.InitiativeId, m.PersonId }).IsUnique();
        builder.Property(m => m.Interest).HasMaxLength(2000);
        builder.HasOne(m => m.Initiative).WithMany(i => i.Members).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
