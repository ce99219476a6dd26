using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. It is abstract only so that each database provider gets its own migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); features inject <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<OutboxSharedBody> OutboxSharedBodies => Set<OutboxSharedBody>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeMember> InitiativeMembers => Set<InitiativeMember>();
    public DbSet<DevelopmentPlatform> Platforms => Set<DevelopmentPlatform>();
    public DbSet<PlatformMember> PlatformMembers => Set<PlatformMember>();
    public DbSet<ChangeProposal> ChangeProposals => Set<ChangeProposal>();
    public DbSet<ProposalResponse> ProposalResponses => Set<ProposalResponse>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<ContactConsent> ContactConsents => Set<ContactConsent>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Ripple> Ripples => Set<Ripple>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Samskab.Web.Features.RealityChecks.RealityCheck> RealityChecks => Set<Samskab.Web.Features.RealityChecks.RealityCheck>();
    public DbSet<Samskab.Web.Features.RealityChecks.RealityCheckAnswer> RealityCheckAnswers => Set<Samskab.Web.Features.RealityChecks.RealityCheckAnswer>();
    public DbSet<GoalMeasurement> GoalMeasurements => Set<GoalMeasurement>();
    public DbSet<GoalObservation> GoalObservations => Set<GoalObservation>();
    public DbSet<Newsletter> Newsletters => Set<Newsletter>();
    public DbSet<NewsletterSection> NewsletterSections => Set<NewsletterSection>();
    public DbSet<NewsletterRecipient> NewsletterRecipients => Set<NewsletterRecipient>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace?.StartsWith("Samskab.Web", StringComparison.Ordinal) == true);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Language).HasMaxLength(5);
        });

        builder.Entity<OneTimeToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Payload).HasMaxLength(500);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PersonalAccessToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.DedupeKey).IsUnique();
            e.HasIndex(m => m.CreatedAt);
            e.Property(m => m.ToAddress).HasMaxLength(320);
            e.Property(m => m.ToName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Category).HasMaxLength(50);
            e.Property(m => m.DedupeKey).HasMaxLength(200);
            e.Property(m => m.MessageIdHeader).HasMaxLength(200);
            e.Property(m => m.LeaseOwner).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OutboxSharedBody>().WithMany().HasForeignKey(m => m.SharedBodyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<OutboxAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
        });

        builder.Entity<Organisation>(e =>
        {
            // Unique, so two people adding the same organisation at once get one organisation.
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Address).HasMaxLength(300);
            e.Property(o => o.Email).HasMaxLength(320);
            e.Property(o => o.Phone).HasMaxLength(40);
            e.Property(o => o.Website).HasMaxLength(300);
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.HasIndex(p => p.UserId);
            e.HasIndex(p => p.Email);
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.Organisation).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<ContactConsent>(e =>
        {
            e.HasIndex(c => new { c.PersonId, c.At });
            e.HasIndex(c => new { c.InitiativeId, c.PersonId });
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Initiative>(e =>
        {
            e.Property(i => i.Title).HasMaxLength(200);
            e.Property(i => i.SharedChallenge).HasMaxLength(2000);
            e.Property(i => i.Description).HasMaxLength(8000);
            e.Property(i => i.GroundRules).HasMaxLength(4000);
            e.Property(i => i.TargetGroup).HasMaxLength(2000);
            e.Property(i => i.Vision).HasMaxLength(4000);
            e.Property(i => i.Purpose).HasMaxLength(4000);
            e.Property(i => i.ImportantResults).HasMaxLength(4000);
            e.Property(i => i.Participants).HasMaxLength(4000);
            e.Property(i => i.Version).IsConcurrencyToken();
        });

        builder.Entity<TimelineEntry>(e =>
        {
            e.HasIndex(t => new { t.InitiativeId, t.At });
            e.HasIndex(t => new { t.PlatformId, t.At });
            e.Property(t => t.ByName).HasMaxLength(200);
            e.Property(t => t.Kind).HasMaxLength(50);
            e.Property(t => t.What).HasMaxLength(1000);
            e.Property(t => t.Why).HasMaxLength(2000);
            e.HasOne<Initiative>().WithMany().HasForeignKey(t => t.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<InitiativeMember>(e =>
        {
            e.HasIndex(m => new { m.InitiativeId, m.PersonId }).IsUnique();
            e.Property(m => m.Interest).HasMaxLength(2000);
            e.HasOne(m => m.Initiative).WithMany(i => i.Members).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DevelopmentPlatform>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.FocusArea).HasMaxLength(2000);
            e.Property(p => p.StatusReason).HasMaxLength(2000);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.InitiativeId, p.Name });
            e.HasOne(p => p.Initiative).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PlatformMember>(e =>
        {
            // A person is on a platform at most once at a time; earlier memberships stay as history.
            e.HasIndex(m => new { m.PlatformId, m.PersonId }).IsUnique().HasFilter("\"LeftOn\" IS NULL");
            e.Property(m => m.LeftReason).HasMaxLength(1000);
            e.HasOne(m => m.Platform).WithMany(p => p.Members).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ChangeProposal>(e =>
        {
            e.HasIndex(p => new { p.PlatformId, p.Status });
            e.Property(p => p.Reason).HasMaxLength(2000);
            e.Property(p => p.NewFocus).HasMaxLength(2000);
            e.Property(p => p.DecisionRecord).HasMaxLength(4000);
            e.Property(p => p.Source).HasMaxLength(200);
            e.HasOne(p => p.Platform).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.ProposedBy).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(p => p.MergeIntoId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Meeting>(e =>
        {
            e.HasIndex(m => new { m.InitiativeId, m.StartsAt });
            e.HasIndex(m => new { m.PlatformId, m.StartsAt });
            e.HasIndex(m => m.CalendarUid).IsUnique();
            e.Property(m => m.Title).HasMaxLength(200);
            e.Property(m => m.Location).HasMaxLength(300);
            e.Property(m => m.OnlineUrl).HasMaxLength(500);
            e.Property(m => m.GuestSpeaker).HasMaxLength(200);
            e.Property(m => m.Description).HasMaxLength(4000);
            e.Property(m => m.CalendarUid).HasMaxLength(100);
            e.Property(m => m.CancelReason).HasMaxLength(1000);
            e.Property(m => m.CreatedByUserId).HasMaxLength(450);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<Initiative>().WithMany().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(m => m.PlatformId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.HostOrganisation).WithMany().HasForeignKey(m => m.HostOrganisationId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Invitations).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AgendaItem>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Description).HasMaxLength(2000);
            e.Property(a => a.Minutes).HasMaxLength(8000);
            e.HasOne(a => a.ResponsiblePerson).WithMany().HasForeignKey(a => a.ResponsiblePersonId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Invitation>(e =>
        {
            // One invitation per person per meeting: a double click or two instances cannot invite twice.
            e.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique();
            e.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Agreement>(e =>
        {
            e.HasIndex(a => new { a.OwnerPersonId, a.DoneAt });
            e.HasIndex(a => new { a.PlatformId, a.DoneAt });
            e.Property(a => a.Text).HasMaxLength(1000);
            e.HasOne(a => a.OwnerPerson).WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Initiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Decision>(e =>
        {
            e.Property(d => d.Text).HasMaxLength(2000);
            e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CalendarFeed>(e =>
        {
            e.HasIndex(f => f.TokenHash).IsUnique();
            e.HasIndex(f => new { f.UserId, f.Scope, f.ScopeId });
            e.Property(f => f.TokenHash).HasMaxLength(64);
            e.HasOne<Samskab.Web.Infrastructure.Auth.AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Samskab.Web.Features.RealityChecks.RealityCheck>(e =>
        {
            e.HasIndex(c => new { c.PlatformId, c.StartedAt });
            e.Property(c => c.StartedByName).HasMaxLength(200);
            e.Property(c => c.Summary).HasMaxLength(4000);
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.RealityCheckId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Samskab.Web.Features.RealityChecks.RealityCheckAnswer>(e =>
        {
            // One answer per person per check; answering again edits it.
            e.HasIndex(a => new { a.RealityCheckId, a.PersonId }).IsUnique();
            e.Property(a => a.GoalProgress).HasMaxLength(4000);
            e.Property(a => a.Participation).HasMaxLength(4000);
            e.Property(a => a.Obstacles).HasMaxLength(4000);
            e.HasOne<Samskab.Web.Features.Actors.Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Goal>(e =>
        {
            e.HasIndex(g => g.PlatformId);
            e.Property(g => g.Title).HasMaxLength(200);
            e.Property(g => g.Description).HasMaxLength(4000);
            e.Property(g => g.ServesChallenge).HasMaxLength(2000);
            e.Property(g => g.Indicator).HasMaxLength(300);
            e.Property(g => g.Unit).HasMaxLength(50);
            e.Property(g => g.BaselineValue).HasPrecision(18, 4);
            e.Property(g => g.TargetValue).HasPrecision(18, 4);
            e.Property(g => g.BaselineDescription).HasMaxLength(4000);
            e.Property(g => g.ExpectedInfluence).HasMaxLength(4000);
            e.Property(g => g.Argument).HasMaxLength(4000);
            e.Property(g => g.Weaknesses).HasMaxLength(4000);
            e.Property(g => g.StatusReason).HasMaxLength(2000);
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(g => g.PlatformId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Measurements).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Observations).WithOne().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<GoalMeasurement>(e =>
        {
            e.HasIndex(m => new { m.GoalId, m.MeasuredOn });
            e.Property(m => m.Value).HasPrecision(18, 4);
            e.Property(m => m.Note).HasMaxLength(1000);
            e.Property(m => m.ByName).HasMaxLength(200);
        });
        builder.Entity<GoalObservation>(e =>
        {
            e.HasIndex(o => new { o.GoalId, o.ObservedOn });
            e.Property(o => o.Text).HasMaxLength(4000);
            e.Property(o => o.ByName).HasMaxLength(200);
        });

        builder.Entity<Newsletter>(e =>
        {
            // Numbered per initiative; the unique index turns a double click on "new edition" into one edition.
            e.HasIndex(n => new { n.InitiativeId, n.Number }).IsUnique();
            e.HasIndex(n => n.Status);
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Introduction).HasMaxLength(20000);
            e.Property(n => n.MinutesSummary).HasMaxLength(20000);
            e.Property(n => n.CreatedByName).HasMaxLength(200);
            e.Property(n => n.SendStartedByName).HasMaxLength(200);
            e.Property(n => n.LinkBase).HasMaxLength(300);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasOne<Initiative>().WithMany().HasForeignKey(n => n.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<OutboxSharedBody>().WithMany().HasForeignKey(n => n.SharedBodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(n => n.Sections).WithOne().HasForeignKey(s => s.NewsletterId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NewsletterSection>(e =>
        {
            // One section per platform per edition.
            e.HasIndex(s => new { s.NewsletterId, s.PlatformId }).IsUnique();
            e.Property(s => s.Focus).HasMaxLength(4000);
            e.Property(s => s.Progress).HasMaxLength(8000);
            e.Property(s => s.Challenges).HasMaxLength(8000);
            e.Property(s => s.NextSteps).HasMaxLength(8000);
            e.Property(s => s.UpdatedByName).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NewsletterRecipient>(e =>
        {
            // A person is a recipient of an edition once, and has one mail (the key is unique in the outbox too).
            e.HasIndex(r => new { r.NewsletterId, r.PersonId }).IsUnique();
            e.HasIndex(r => r.DedupeKey).IsUnique();
            e.HasIndex(r => new { r.NewsletterId, r.QueuedAt });
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Address).HasMaxLength(320);
            e.Property(r => r.Problem).HasMaxLength(200);
            e.Property(r => r.DedupeKey).HasMaxLength(200);
            e.HasOne<Newsletter>().WithMany().HasForeignKey(r => r.NewsletterId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Samskab.Web.Features.Actors.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Ripple>(e =>
        {
            e.HasIndex(r => new { r.InitiativeId, r.HappenedOn });
            e.Property(r => r.What).HasMaxLength(2000);
            e.Property(r => r.ByName).HasMaxLength(200);
            e.Property(r => r.ByUserId).HasMaxLength(450);
            e.HasOne<Initiative>().WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Platforms).WithOne().HasForeignKey(p => p.RippleId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Actors).WithOne().HasForeignKey(a => a.RippleId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RipplePlatform>(e =>
        {
            e.HasKey(x => new { x.RippleId, x.PlatformId });
            e.HasIndex(x => x.PlatformId);
            e.HasOne<DevelopmentPlatform>().WithMany().HasForeignKey(x => x.PlatformId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RippleActor>(e =>
        {
            e.HasKey(x => new { x.RippleId, x.PersonId });
            e.HasOne<Samskab.Web.Features.Actors.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ProposalResponse>(e =>
        {
            // One response per person per proposal; answering again changes it.
            e.HasIndex(r => new { r.ProposalId, r.PersonId }).IsUnique();
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.HasOne<ChangeProposal>().WithMany(p => p.Responses).HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; stored as sortable integers, comparisons and ORDER BY work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
