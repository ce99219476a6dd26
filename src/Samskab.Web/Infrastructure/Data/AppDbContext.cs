using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.CoreTask;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.LocalAreas;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Participation;
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
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignManager> CampaignManagers => Set<CampaignManager>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ParticipantDevice> ParticipantDevices => Set<ParticipantDevice>();
    public DbSet<ParticipantInvitation> ParticipantInvitations => Set<ParticipantInvitation>();
    public DbSet<ParticipantChallenge> ParticipantChallenges => Set<ParticipantChallenge>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaLike> IdeaLikes => Set<IdeaLike>();
    public DbSet<IdeaAnswer> IdeaAnswers => Set<IdeaAnswer>();
    public DbSet<IdeaFollower> IdeaFollowers => Set<IdeaFollower>();
    public DbSet<IdeaReport> IdeaReports => Set<IdeaReport>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<CampaignTheme> CampaignThemes => Set<CampaignTheme>();
    public DbSet<IdeaComment> IdeaComments => Set<IdeaComment>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<JuryCriterion> JuryCriteria => Set<JuryCriterion>();
    public DbSet<JuryScore> JuryScores => Set<JuryScore>();
    public DbSet<LocalArea> LocalAreas => Set<LocalArea>();
    public DbSet<AreaBridgeBuilder> AreaBridgeBuilders => Set<AreaBridgeBuilder>();
    public DbSet<AreaRequest> AreaRequests => Set<AreaRequest>();
    public DbSet<RequestEntry> RequestEntries => Set<RequestEntry>();
    public DbSet<AreaFollower> AreaFollowers => Set<AreaFollower>();
    public DbSet<CoreTaskProcess> CoreTaskProcesses => Set<CoreTaskProcess>();
    public DbSet<CoreTaskParticipant> CoreTaskParticipants => Set<CoreTaskParticipant>();
    public DbSet<OpeningQuestion> OpeningQuestions => Set<OpeningQuestion>();
    public DbSet<OpeningQuestionComment> OpeningQuestionComments => Set<OpeningQuestionComment>();
    public DbSet<CoreTaskFormulation> CoreTaskFormulations => Set<CoreTaskFormulation>();
    public DbSet<FormulationVersion> FormulationVersions => Set<FormulationVersion>();
    public DbSet<CoreTaskMaterial> CoreTaskMaterials => Set<CoreTaskMaterial>();
    public DbSet<CoreTaskInsight> CoreTaskInsights => Set<CoreTaskInsight>();
    public DbSet<InsightValidation> InsightValidations => Set<InsightValidation>();
    public DbSet<CoreTaskCommitment> CoreTaskCommitments => Set<CoreTaskCommitment>();
    public DbSet<CoreTaskBusRide> CoreTaskBusRides => Set<CoreTaskBusRide>();
    public DbSet<CoreTaskBusStop> CoreTaskBusStops => Set<CoreTaskBusStop>();
    public DbSet<CoreTaskInvite> CoreTaskInvites => Set<CoreTaskInvite>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature configures its own entities (IEntityTypeConfiguration beside the entity).
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace?.StartsWith("Samskab.Web", StringComparison.Ordinal) == true);
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Fold))!).HasName(FoldFunction);
    }

    /// <summary>The SQL function behind <see cref="TextSearch.Fold"/>.</summary>
    protected virtual string FoldFunction => "upper";
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override string FoldFunction => TextSearch.SqliteFunction;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; stored as sortable integers, comparisons and ORDER BY work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
