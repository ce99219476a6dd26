using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;

namespace Samskab.Web.Features.Ripples;

public sealed class RippleConfiguration : IEntityTypeConfiguration<Ripple>
{
    public void Configure(EntityTypeBuilder<Ripple> builder)
    {
        builder.HasIndex(r => new { r.InitiativeId, r.HappenedOn });
        builder.Property(r => r.What).HasMaxLength(2000);
        builder.Property(r => r.ByName).HasMaxLength(200);
        builder.Property(r => r.ByUserId).HasMaxLength(450);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Platforms).WithOne().HasForeignKey(p => p.RippleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actors).WithOne().HasForeignKey(a => a.RippleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RipplePlatformConfiguration : IEntityTypeConfiguration<RipplePlatform>
{
    public void Configure(EntityTypeBuilder<RipplePlatform> builder)
    {
        builder.HasKey(x => new { x.RippleId, x.PlatformId });
        builder.HasIndex(x => x.PlatformId);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(x => x.PlatformId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RippleActorConfiguration : IEntityTypeConfiguration<RippleActor>
{
    public void Configure(EntityTypeBuilder<RippleActor> builder)
    {
        builder.HasKey(x => new { x.RippleId, x.PersonId });
        builder.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
