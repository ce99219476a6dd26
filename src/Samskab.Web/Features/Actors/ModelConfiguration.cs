using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.Actors;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        // Unique, so two people adding the same organisation at once get one organisation.
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.Email).HasMaxLength(320);
        builder.Property(o => o.Phone).HasMaxLength(40);
        builder.Property(o => o.Website).HasMaxLength(300);
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => p.Email);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Organisation).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class ContactConsentConfiguration : IEntityTypeConfiguration<ContactConsent>
{
    public void Configure(EntityTypeBuilder<ContactConsent> builder)
    {
        builder.HasIndex(c => new { c.PersonId, c.At });
        builder.HasIndex(c => new { c.InitiativeId, c.PersonId });
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}
