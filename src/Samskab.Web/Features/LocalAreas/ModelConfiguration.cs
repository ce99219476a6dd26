using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.LocalAreas;

public sealed class LocalAreaConfiguration : IEntityTypeConfiguration<LocalArea>
{
    public void Configure(EntityTypeBuilder<LocalArea> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(AreaRules.NameLength);
        builder.Property(a => a.Description).HasMaxLength(AreaRules.DescriptionLength);
        builder.Property(a => a.ForumName).HasMaxLength(AreaRules.NameLength);
        builder.Property(a => a.ForumContact).HasMaxLength(AreaRules.ContactLength);
        builder.Property(a => a.ForumEmail).HasMaxLength(256);
        builder.Property(a => a.Places).HasMaxLength(AreaRules.PlacesLength);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasMany(a => a.BridgeBuilders).WithOne().HasForeignKey(b => b.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AreaBridgeBuilderConfiguration : IEntityTypeConfiguration<AreaBridgeBuilder>
{
    public void Configure(EntityTypeBuilder<AreaBridgeBuilder> builder)
    {
        builder.HasKey(b => new { b.AreaId, b.UserId });
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.Presentation).HasMaxLength(AreaRules.ContactLength);
        builder.Property(b => b.ImageKey).HasMaxLength(64);
        builder.HasIndex(b => b.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AreaRequestConfiguration : IEntityTypeConfiguration<AreaRequest>
{
    public void Configure(EntityTypeBuilder<AreaRequest> builder)
    {
        builder.ToTable("AreaRequests");
        builder.Property(r => r.Title).HasMaxLength(AreaRules.TitleLength);
        builder.Property(r => r.Text).HasMaxLength(AreaRules.TextLength);
        builder.Property(r => r.OnBehalfOf).HasMaxLength(AreaRules.NameLength);
        builder.Property(r => r.ImageKey).HasMaxLength(64);
        builder.Property(r => r.Department).HasMaxLength(AreaRules.NameLength);
        builder.Property(r => r.DepartmentContact).HasMaxLength(AreaRules.NameLength);
        builder.Property(r => r.LatestAnswer).HasMaxLength(AreaRules.AnswerLength);
        builder.Property(r => r.OwnerUserId).HasMaxLength(450);
        builder.HasIndex(r => new { r.AreaId, r.Id });
        // An open request is one without ClosedAt: the counts, the desk's lists and the digest read an area's open
        // requests by answer date, or by age, from these two indexes.
        builder.HasIndex(r => new { r.AreaId, r.ClosedAt, r.FirstAnsweredAt, r.AnswerDueOn });
        builder.HasIndex(r => new { r.AreaId, r.ClosedAt, r.CreatedAt });
        // The desk's open requests by state, and those passed on and quiet since a date.
        builder.HasIndex(r => new { r.AreaId, r.ClosedAt, r.State, r.UpdatedAt });
        // Open311 lists the newest first, within dates.
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.OwnerUserId, r.State });
        builder.HasIndex(r => r.UpdatedAt);
        builder.HasIndex(r => r.ParticipantId);
        builder.HasOne<LocalArea>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class RequestEntryConfiguration : IEntityTypeConfiguration<RequestEntry>
{
    public void Configure(EntityTypeBuilder<RequestEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(AreaRules.TextLength);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.RequestId, e.Id });
        builder.HasOne<AreaRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AreaFollowerConfiguration : IEntityTypeConfiguration<AreaFollower>
{
    public void Configure(EntityTypeBuilder<AreaFollower> builder)
    {
        builder.HasKey(f => new { f.AreaId, f.ParticipantId });
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasOne<LocalArea>().WithMany().HasForeignKey(f => f.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Participant).WithMany().HasForeignKey(f => f.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
