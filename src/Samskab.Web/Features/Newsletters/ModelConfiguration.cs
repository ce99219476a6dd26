using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Features.Newsletters;

public sealed class NewsletterConfiguration : IEntityTypeConfiguration<Newsletter>
{
    public void Configure(EntityTypeBuilder<Newsletter> builder)
    {
        // Numbered per initiative; the unique index turns a double click on "new edition" into one edition.
        builder.HasIndex(n => new { n.InitiativeId, n.Number }).IsUnique();
        builder.HasIndex(n => n.Status);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Introduction).HasMaxLength(20000);
        builder.Property(n => n.MinutesSummary).HasMaxLength(20000);
        builder.Property(n => n.CreatedByName).HasMaxLength(200);
        builder.Property(n => n.SendStartedByName).HasMaxLength(200);
        builder.Property(n => n.LinkBase).HasMaxLength(300);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<Initiative>().WithMany().HasForeignKey(n => n.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<OutboxSharedBody>().WithMany().HasForeignKey(n => n.SharedBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Sections).WithOne().HasForeignKey(s => s.NewsletterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NewsletterSectionConfiguration : IEntityTypeConfiguration<NewsletterSection>
{
    public void Configure(EntityTypeBuilder<NewsletterSection> builder)
    {
        // One section per platform per edition.
        builder.HasIndex(s => new { s.NewsletterId, s.PlatformId }).IsUnique();
        builder.Property(s => s.Focus).HasMaxLength(4000);
        builder.Property(s => s.Progress).HasMaxLength(8000);
        builder.Property(s => s.Challenges).HasMaxLength(8000);
        builder.Property(s => s.NextSteps).HasMaxLength(8000);
        builder.Property(s => s.UpdatedByName).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NewsletterRecipientConfiguration : IEntityTypeConfiguration<NewsletterRecipient>
{
    public void Configure(EntityTypeBuilder<NewsletterRecipient> builder)
    {
        // A person is a recipient of an edition once, and has one mail (the key is unique in the outbox too).
        builder.HasIndex(r => new { r.NewsletterId, r.PersonId }).IsUnique();
        builder.HasIndex(r => r.DedupeKey).IsUnique();
        builder.HasIndex(r => new { r.NewsletterId, r.QueuedAt });
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(320);
        builder.Property(r => r.Problem).HasMaxLength(200);
        builder.Property(r => r.DedupeKey).HasMaxLength(200);
        builder.HasOne<Newsletter>().WithMany().HasForeignKey(r => r.NewsletterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
