using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Meetings;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => new { m.InitiativeId, m.StartsAt });
        builder.HasIndex(m => new { m.PlatformId, m.StartsAt });
        builder.HasIndex(m => m.CalendarUid).IsUnique();
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.OnlineUrl).HasMaxLength(500);
        builder.Property(m => m.GuestSpeaker).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.CalendarUid).HasMaxLength(100);
        builder.Property(m => m.CancelReason).HasMaxLength(1000);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Initiative>().WithMany().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(m => m.PlatformId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.HostOrganisation).WithMany().HasForeignKey(m => m.HostOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Invitations).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Minutes).HasMaxLength(8000);
        builder.HasOne(a => a.ResponsiblePerson).WithMany().HasForeignKey(a => a.ResponsiblePersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        // One invitation per person per meeting: a double click or two instances cannot invite twice.
        builder.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique();
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => new { a.OwnerPersonId, a.DoneAt });
        builder.HasIndex(a => new { a.PlatformId, a.DoneAt });
        builder.Property(a => a.Text).HasMaxLength(1000);
        builder.HasOne(a => a.OwnerPerson).WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(2000);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => new { f.UserId, f.Scope, f.ScopeId });
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
