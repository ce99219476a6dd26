using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Web.Features.Account.Manage;

/// <summary>
/// Everything Samskab holds about one account and the persons linked to it (GDPR art. 15 and 20), in one shape
/// for the readable page and the JSON download. A fixed number of queries, whatever the amount of data.
/// </summary>
public static class MyData
{
    public sealed record Export(
        DateTimeOffset ExportedAt,
        AccountData Account,
        IReadOnlyList<PersonData> People,
        IReadOnlyList<MembershipData> Initiatives,
        IReadOnlyList<ConsentData> ConsentHistory,
        IReadOnlyList<PlatformData> Platforms,
        IReadOnlyList<InvitationData> MeetingInvitations,
        IReadOnlyList<AgreementData> Agreements,
        IReadOnlyList<ProposalData> ProposalsMade,
        IReadOnlyList<ResponseData> ProposalResponses,
        IReadOnlyList<RealityCheckAnswerData> RealityCheckAnswers,
        IReadOnlyList<RippleData> RipplesRegistered,
        IReadOnlyList<RippleData> RipplesNamingYou,
        IReadOnlyList<HistoryData> HistoryByYou,
        IReadOnlyList<SessionData> Sessions,
        IReadOnlyList<TokenData> AccessTokens,
        IReadOnlyList<MailData> MailsSentToYou,
        IReadOnlyList<CoreTaskPlaceData> CoreTaskProcesses,
        IReadOnlyList<CoreTaskContributionData> CoreTaskContributions);

    public sealed record CoreTaskPlaceData(string Unit, Samskab.Web.Features.CoreTask.CoreTaskRole Role, bool IsOwner, DateTimeOffset AddedAt);

    /// <summary>What the person wrote or was given in a core-task process: an opening question, a comment, a piece of
    /// material, a formulation version, a validation, or a leader's commitment to them.</summary>
    public sealed record CoreTaskContributionData(string Unit, string Kind, string Text, DateTimeOffset At);

    public sealed record AccountData(string Id, string? Email, bool EmailConfirmed, string DisplayName, string Language, DateTimeOffset CreatedAt, bool HasPassword, IReadOnlyList<string?> Roles);
    public sealed record PersonData(int Id, string Name, string? Title, string? Organisation, string? Email, string? Phone, DateTimeOffset CreatedAt, bool DeclinesNewsletters);
    public sealed record MembershipData(string Initiative, InitiativeRole Role, bool InWorkingGroup, DateTimeOffset AddedAt, bool SharesContactDetails, DateTimeOffset? ContactConsentChangedAt,
        string? Interest, Influence? Influence, Stance? Stance, Necessity? Necessity, Involvement? PlannedInvolvement, DateOnly? PreMeetingOn, DateOnly? MethodIntroducedOn,
        DateOnly? ChallengeIntroducedOn, DateOnly? JointPlatformIntroducedOn);
    public sealed record ConsentData(string Initiative, bool Given, DateTimeOffset At, string RecordedBy);
    public sealed record PlatformData(string Platform, bool IsCoordinator, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason);
    public sealed record InvitationData(string Meeting, DateTimeOffset StartsAt, Reply Reply, DateTimeOffset? RepliedAt, bool? Attended);
    public sealed record AgreementData(string Text, DateOnly? Deadline, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt);
    public sealed record ProposalData(string Platform, ProposalKind Kind, string Reason, DateTimeOffset ProposedAt, ProposalStatus Status);
    public sealed record ResponseData(string Platform, string Proposal, bool Agrees, string? Reason, DateTimeOffset At);
    public sealed record RealityCheckAnswerData(string Platform, DateTimeOffset AnsweredAt, string? GoalProgress, string? Participation, string? Obstacles, bool NeedsSparring, ProposedChange ProposedChange);
    public sealed record RippleData(DateOnly HappenedOn, string What, RippleCategory Category);
    public sealed record HistoryData(DateTimeOffset At, string Kind, string What);
    public sealed record SessionData(DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, string? IpAddress);
    public sealed record TokenData(string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
    public sealed record MailData(string Subject, string Category, DateTimeOffset CreatedAt, OutboxStatus Status, DateTimeOffset? SentAt);

    public static async Task<Export> ForAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new PersonData(p.Id, p.Name, p.Title, p.Organisation!.Name, p.Email, p.Phone, p.CreatedAt, p.DeclinesNewsletters)).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var memberships = await db.InitiativeMembers.AsNoTracking().Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.AddedAt)
            .Select(m => new MembershipData(m.Initiative!.Title, m.Role, m.InWorkingGroup, m.AddedAt, m.SharesContactDetails, m.ContactConsentChangedAt,
                m.Interest, m.Influence, m.Stance, m.Necessity, m.PlannedInvolvement,
                m.PreMeetingOn, m.MethodIntroducedOn, m.ChallengeIntroducedOn, m.JointPlatformIntroducedOn)).ToListAsync(ct);
        var consents = await db.ContactConsents.AsNoTracking().Where(c => ids.Contains(c.PersonId)).OrderBy(c => c.At)
            .Join(db.Initiatives, c => c.InitiativeId, i => i.Id, (c, i) => new ConsentData(i.Title, c.Given, c.At, c.RecordedBy)).ToListAsync(ct);
        var platforms = await db.PlatformMembers.AsNoTracking().Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.JoinedOn)
            .Select(m => new PlatformData(m.Platform!.Name, m.IsCoordinator, m.JoinedOn, m.LeftOn, m.LeftReason)).ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => ids.Contains(i.PersonId)).OrderBy(i => i.Meeting!.StartsAt)
            .Select(i => new InvitationData(i.Meeting!.Title, i.Meeting.StartsAt, i.Reply, i.RepliedAt, i.Attended)).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.OwnerPersonId)).OrderBy(a => a.CreatedAt)
            .Select(a => new AgreementData(a.Text, a.Deadline, a.CreatedAt, a.DoneAt)).ToListAsync(ct);
        var proposals = await db.ChangeProposals.AsNoTracking().Where(p => ids.Contains(p.ProposedById)).OrderBy(p => p.ProposedAt)
            .Select(p => new ProposalData(p.Platform!.Name, p.Kind, p.Reason, p.ProposedAt, p.Status)).ToListAsync(ct);
        var responses = await db.ProposalResponses.AsNoTracking().Where(r => ids.Contains(r.PersonId)).OrderBy(r => r.At)
            .Join(db.ChangeProposals, r => r.ProposalId, p => p.Id, (r, p) => new ResponseData(p.Platform!.Name, p.Reason, r.Agrees, r.Reason, r.At)).ToListAsync(ct);
        var answers = await db.RealityCheckAnswers.AsNoTracking().Where(a => ids.Contains(a.PersonId)).OrderBy(a => a.AnsweredAt)
            .Join(db.RealityChecks, a => a.RealityCheckId, c => c.Id, (a, c) => new { a, c.PlatformId })
            .Join(db.Platforms, x => x.PlatformId, p => p.Id, (x, p) => new RealityCheckAnswerData(p.Name, x.a.AnsweredAt, x.a.GoalProgress, x.a.Participation, x.a.Obstacles,
                x.a.NeedsSparring, x.a.ProposedChange)).ToListAsync(ct);
        var registered = await db.Ripples.AsNoTracking().Where(r => r.ByUserId == userId).OrderBy(r => r.HappenedOn)
            .Select(r => new RippleData(r.HappenedOn, r.What, r.Category)).ToListAsync(ct);
        var naming = await db.Ripples.AsNoTracking().Where(r => r.Actors.Any(a => ids.Contains(a.PersonId))).OrderBy(r => r.HappenedOn)
            .Select(r => new RippleData(r.HappenedOn, r.What, r.Category)).ToListAsync(ct);
        var history = await db.Timeline.AsNoTracking().Where(t => t.ByUserId == userId).OrderBy(t => t.At)
            .Select(t => new HistoryData(t.At, t.Kind, t.What)).ToListAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new SessionData(s.CreatedAt, s.LastSeenAt, s.UserAgent, s.IpAddress)).ToListAsync(ct);
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new TokenData(t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
        var addresses = people.Select(p => p.Email).Append(user.Email).Where(e => e is not null).Distinct().ToList();
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => addresses.Contains(m.ToAddress)).OrderBy(m => m.CreatedAt)
            .Select(m => new MailData(m.Subject, m.Category, m.CreatedAt, m.Status, m.SentAt)).ToListAsync(ct);
        var places = await db.CoreTaskParticipants.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.AddedAt)
            .Join(db.CoreTaskProcesses, p => p.ProcessId, x => x.Id, (p, x) => new { p.Id, x.UnitName, p.Role, p.IsOwner, p.AddedAt }).ToListAsync(ct);
        var placeIds = places.Select(p => p.Id).ToList();
        var units = places.ToDictionary(p => p.Id, p => p.UnitName);
        var contributions = new List<CoreTaskContributionData>();
        contributions.AddRange((await db.OpeningQuestions.AsNoTracking().Where(q => placeIds.Contains(q.ProposedById)).Select(q => new { q.ProposedById, q.Text, q.CreatedAt }).ToListAsync(ct))
            .Select(q => new CoreTaskContributionData(units[q.ProposedById], "opening-question", q.Text, q.CreatedAt)));
        contributions.AddRange((await db.OpeningQuestionComments.AsNoTracking().Where(c => placeIds.Contains(c.AuthorId)).Select(c => new { c.AuthorId, c.Text, c.CreatedAt }).ToListAsync(ct))
            .Select(c => new CoreTaskContributionData(units[c.AuthorId], "comment", c.Text, c.CreatedAt)));
        contributions.AddRange((await db.CoreTaskMaterials.IgnoreQueryFilters().AsNoTracking().Where(m => placeIds.Contains(m.AuthorId)).Select(m => new { m.AuthorId, m.Kind, m.Text, m.WhySteps, m.UnderlyingNeed, m.CreatedAt }).ToListAsync(ct))
            .Select(m => new CoreTaskContributionData(units[m.AuthorId], "material-" + m.Kind.ToString().ToLowerInvariant(),
                string.Join(" → ", new[] { m.Text }.Concat(m.WhySteps).Concat(m.UnderlyingNeed is null ? [] : [m.UnderlyingNeed])), m.CreatedAt)));
        contributions.AddRange((await db.FormulationVersions.AsNoTracking().Where(v => placeIds.Contains(v.AuthorId)).Select(v => new { v.AuthorId, v.Number, v.Text, v.CreatedAt }).ToListAsync(ct))
            .Select(v => new CoreTaskContributionData(units[v.AuthorId], "formulation-version-" + v.Number, v.Text, v.CreatedAt)));
        contributions.AddRange((await db.InsightValidations.AsNoTracking().Where(v => placeIds.Contains(v.ParticipantId))
            .Join(db.CoreTaskInsights.IgnoreQueryFilters(), v => v.InsightId, i => i.Id, (v, i) => new { v.ParticipantId, i.Title, v.Verdict, v.Comment, v.At }).ToListAsync(ct))
            .Select(v => new CoreTaskContributionData(units[v.ParticipantId], "validation-" + v.Verdict.ToString().ToLowerInvariant(), v.Title + (v.Comment is null ? "" : ": " + v.Comment), v.At)));
        contributions.AddRange((await db.CoreTaskCommitments.AsNoTracking().Where(c => placeIds.Contains(c.ActorId)).Select(c => new { c.ActorId, c.Idea, c.Place, c.Deadline, c.Status, c.CreatedAt }).ToListAsync(ct))
            .Select(c => new CoreTaskContributionData(units[c.ActorId], "commitment-to-you-" + c.Status.ToString().ToLowerInvariant(),
                $"{c.Idea} ({c.Place}, {c.Deadline:yyyy-MM-dd})", c.CreatedAt)));
        return new Export(now,
            new AccountData(user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.Language, user.CreatedAt, user.PasswordHash is not null, roles),
            people, memberships, consents, platforms, invitations, agreements, proposals, responses, answers, registered, naming, history, sessions, tokens, mails,
            places.Select(p => new CoreTaskPlaceData(p.UnitName, p.Role, p.IsOwner, p.AddedAt)).ToList(), [.. contributions.OrderBy(c => c.At)]);
    }
}
