using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>Everything a person can do that needs permission. The matrix below says who may.</summary>
public enum Operation
{
    // Initiative scope
    ViewInitiative,
    EditInitiative,
    ManageActors,
    ViewActorOverview,
    ViewStakeholderAssessments,
    CreatePlatform,
    ActOnWholeInitiative,
    PlanInitiativeMeeting,
    ComposeNewsletter,
    ReadNewsletter,
    RegisterRipple,

    // Platform scope
    ViewPlatform,
    ProposePlatformChange,
    RespondToPlatformProposal,
    EditPlatformContent,
    PlanPlatformMeeting,
    StartRealityCheck,
    RemindPlatformMembers,

    // Meeting scope
    ContributeToMeeting,

    // Site scope
    CreateInitiative,
    AdministerSite,
    CreateCampaign,

    // Campaign scope (citizens taking part)
    ManageCampaign,
    ModerateCampaign,
    AnswerIdea,
    PostIdea,
    LikeIdea,
    ReportIdea,
    CommentIdea,
    GroupIdeas,
    JudgeCompetition,

    // Idea scope
    EditOwnIdea,
    DeleteOwnComment,

    // Local areas and their requests
    ManageLocalAreas,
    HandleAreaRequest,
    ViewRequesterContact,
    SendAreaRequest,
    FollowArea,
    WriteInRequestThread,
    ReopenRequest,

    // Core-task processes
    CreateCoreTaskProcess,
    ViewCoreTaskProcess,
    ManageCoreTaskProcess,
    ProposeOpeningQuestion,
    CollectCoreTaskMaterial,
    WriteCoreTaskFormulation,
    ShareCoreTaskLink,
    ReviewCoreTaskContributions,
    ContributeViaCoreTaskLink,
    ArrangeInsights,
    ValidateInsight,
}

/// <summary>The roles a person can hold, site-wide, in one initiative, or on one platform.</summary>
[Flags]
public enum Roles
{
    None = 0,
    SiteAdministrator = 1,
    AnchorPerson = 2,
    WorkingGroup = 4,
    Actor = 8,
    Observer = 16,
    PlatformCoordinator = 32,
    PlatformMember = 64,
    MeetingInvitee = 128,
    CampaignManager = 256,
    Participant = 512,
    IdeaAuthor = 1024,
    CommentAuthor = 2048,
    BridgeBuilder = 4096,
    RequestAuthor = 8192,
    CoreTaskOwner = 16384,
    CoreTaskMember = 32768,
    CoreTaskDefiner = 65536,
    CoreTaskLinkHolder = 131072,
}

/// <summary>Whether an operation is a say in the work (flat hierarchy: coordinators have no more) or a chore.</summary>
public enum OperationKind
{
    Read,
    Say,
    Chore,
    Administration,
}

/// <summary>
/// The permission matrix: the one place that says who may do what. `docs/permissions.md` is generated from it and a
/// test keeps the two equal.
/// </summary>
public static class Permissions
{
    private const Roles InitiativeParticipants = Roles.AnchorPerson | Roles.WorkingGroup | Roles.Actor | Roles.PlatformCoordinator | Roles.PlatformMember;
    private const Roles Everyone = InitiativeParticipants | Roles.Observer | Roles.SiteAdministrator;
    private const Roles OnPlatform = Roles.PlatformCoordinator | Roles.PlatformMember;

    public static readonly IReadOnlyList<(Operation Operation, OperationKind Kind, Roles Allowed, string Danish)> Matrix =
    [
        (Operation.ViewInitiative, OperationKind.Read, Everyone, "Se initiativet"),
        (Operation.EditInitiative, OperationKind.Administration, Roles.AnchorPerson | Roles.SiteAdministrator, "Redigere initiativ, fase, spilleregler og forberedelseslærred"),
        (Operation.ManageActors, OperationKind.Administration, Roles.AnchorPerson | Roles.WorkingGroup | Roles.SiteAdministrator, "Tilføje organisationer og aktører"),
        (Operation.ViewActorOverview, OperationKind.Read, InitiativeParticipants | Roles.SiteAdministrator, "Se aktøroverblikket"),
        (Operation.ViewStakeholderAssessments, OperationKind.Read, Roles.AnchorPerson | Roles.WorkingGroup | Roles.SiteAdministrator, "Se interessentvurderinger (interesse, indflydelse, holdning, nødvendighed)"),
        (Operation.CreatePlatform, OperationKind.Administration, Roles.AnchorPerson | Roles.SiteAdministrator, "Oprette udviklingsplatforme"),
        (Operation.ActOnWholeInitiative, OperationKind.Administration, Roles.AnchorPerson | Roles.SiteAdministrator, "Gennemføre ændringer på tværs af platforme (fx efter et statusmøde)"),
        (Operation.PlanInitiativeMeeting, OperationKind.Chore, Roles.AnchorPerson, "Planlægge tovholdermøder og fælles statusmøder"),
        (Operation.ComposeNewsletter, OperationKind.Chore, Roles.AnchorPerson, "Samle og sende nyhedsbrevet"),
        (Operation.ReadNewsletter, OperationKind.Read, InitiativeParticipants | Roles.SiteAdministrator, "Læse nyhedsbreve med kontaktlisten i arkivet"),
        (Operation.RegisterRipple, OperationKind.Say, InitiativeParticipants, "Registrere ringe i vandet"),
        (Operation.ViewPlatform, OperationKind.Read, Everyone, "Se en udviklingsplatform"),
        (Operation.ProposePlatformChange, OperationKind.Say, OnPlatform, "Foreslå en ændring af platformen"),
        (Operation.RespondToPlatformProposal, OperationKind.Say, OnPlatform, "Tilslutte sig eller gøre indsigelse mod et forslag"),
        (Operation.EditPlatformContent, OperationKind.Say, OnPlatform, "Redigere platformens mål, realitetstjek og nyhedsbrevsafsnit"),
        (Operation.PlanPlatformMeeting, OperationKind.Chore, Roles.PlatformCoordinator | Roles.AnchorPerson, "Planlægge platformens møder"),
        (Operation.StartRealityCheck, OperationKind.Chore, Roles.PlatformCoordinator | Roles.AnchorPerson, "Starte et realitetstjek"),
        (Operation.RemindPlatformMembers, OperationKind.Chore, Roles.PlatformCoordinator | Roles.AnchorPerson, "Sende påmindelser til platformens medlemmer"),
        (Operation.ContributeToMeeting, OperationKind.Say, Roles.MeetingInvitee | Roles.AnchorPerson, "Tilføje dagsordenspunkter, referat og aftaler til et møde, man er inviteret til"),
        (Operation.CreateInitiative, OperationKind.Administration, Roles.SiteAdministrator | Roles.AnchorPerson, "Oprette et initiativ"),
        (Operation.AdministerSite, OperationKind.Administration, Roles.SiteAdministrator, "Administrere brugere og se udgående post"),
        (Operation.CreateCampaign, OperationKind.Administration, Roles.SiteAdministrator | Roles.CampaignManager | Roles.AnchorPerson | Roles.BridgeBuilder, "Oprette en indsamling (idébank, ønskeseddel, konkurrence, fotoindsamling)"),
        (Operation.ManageCampaign, OperationKind.Administration, Roles.SiteAdministrator | Roles.CampaignManager, "Redigere indsamlingen og se resultaterne"),
        (Operation.ModerateCampaign, OperationKind.Chore, Roles.SiteAdministrator | Roles.CampaignManager, "Moderere indsamlingens indhold (godkende, skjule, gendanne, fjerne persondata)"),
        (Operation.AnswerIdea, OperationKind.Chore, Roles.CampaignManager, "Svare på en idé med en status og tage den op på en udviklingsplatform"),
        (Operation.PostIdea, OperationKind.Say, Roles.Participant, "Skrive idéer og bygge videre på andres"),
        (Operation.LikeIdea, OperationKind.Say, Roles.Participant, "Synes godt om og følge idéer, stemme i en konkurrence i afstemningens periode"),
        (Operation.ReportIdea, OperationKind.Say, Roles.Participant, "Anmelde indhold"),
        (Operation.CommentIdea, OperationKind.Say, Roles.Participant, "Kommentere idéer og bidrag"),
        (Operation.GroupIdeas, OperationKind.Chore, Roles.SiteAdministrator | Roles.CampaignManager, "Samle bidragene i temaer (fx ønskesedlens temaer)"),
        (Operation.JudgeCompetition, OperationKind.Chore, Roles.CampaignManager, "Bedømme konkurrencens bidrag som jury og udråbe vinderen"),
        (Operation.EditOwnIdea, OperationKind.Say, Roles.IdeaAuthor, "Rette sin egen idé (indtil andre har reageret på den) og trække den tilbage"),
        (Operation.DeleteOwnComment, OperationKind.Say, Roles.CommentAuthor, "Slette sin egen kommentar"),
        (Operation.ManageLocalAreas, OperationKind.Administration, Roles.SiteAdministrator, "Oprette og redigere lokalområder og udpege deres brobyggere"),
        (Operation.HandleAreaRequest, OperationKind.Chore, Roles.SiteAdministrator | Roles.BridgeBuilder, "Føre lokalområdets henvendelser gennem tilstandene, svare for kommunen og give en henvendelse videre til en anden brobygger"),
        (Operation.ViewRequesterContact, OperationKind.Read, Roles.SiteAdministrator | Roles.BridgeBuilder, "Se henvendernes mailadresser"),
        (Operation.SendAreaRequest, OperationKind.Say, Roles.Participant, "Sende en henvendelse til kommunen fra et lokalområde"),
        (Operation.FollowArea, OperationKind.Say, Roles.Participant, "Følge et lokalområde og få dets nyt på mail"),
        (Operation.WriteInRequestThread, OperationKind.Say, Roles.SiteAdministrator | Roles.BridgeBuilder | Roles.RequestAuthor, "Skrive i en henvendelses tråd"),
        (Operation.ReopenRequest, OperationKind.Say, Roles.RequestAuthor, "Genåbne sin lukkede henvendelse inden for 30 dage med en begrundelse"),
        (Operation.CreateCoreTaskProcess, OperationKind.Administration, Roles.SiteAdministrator | Roles.AnchorPerson | Roles.CampaignManager, "Oprette et kerneopgaveforløb for en enhed"),
        (Operation.ViewCoreTaskProcess, OperationKind.Read, Roles.SiteAdministrator | Roles.CoreTaskOwner | Roles.CoreTaskMember, "Se kerneopgaveforløbet med det materiale, der ikke er offentliggjort"),
        (Operation.ManageCoreTaskProcess, OperationKind.Administration, Roles.SiteAdministrator | Roles.CoreTaskOwner, "Styre forløbet: faser, deltagere, valg af spørgsmål og formulering, lederens tilsagn (en af os for en dag) og åbne borgercampen"),
        (Operation.ProposeOpeningQuestion, OperationKind.Say, Roles.CoreTaskOwner | Roles.CoreTaskMember, "Foreslå og drøfte indledende spørgsmål"),
        (Operation.CollectCoreTaskMaterial, OperationKind.Say, Roles.CoreTaskOwner | Roles.CoreTaskMember, "Samle materiale: interview med hvorfor-kæder, observationer, nekrologer, fotos og fremtidsbussens ture"),
        (Operation.WriteCoreTaskFormulation, OperationKind.Say, Roles.CoreTaskOwner | Roles.CoreTaskDefiner, "Skrive formuleringer af kerneopgaven og nye versioner af dem (ledere, medarbejdere og politikere)"),
        (Operation.ArrangeInsights, OperationKind.Say, Roles.CoreTaskOwner | Roles.CoreTaskMember, "Samle materialet i indsigter på tavlen: oprette, navngive, flytte til, slå sammen og slette grupper"),
        (Operation.ShareCoreTaskLink, OperationKind.Chore, Roles.SiteAdministrator | Roles.CoreTaskOwner, "Dele et link, en QR-kode og en rumkode, så borgere uden konto kan bidrage, og lukke dem igen"),
        (Operation.ReviewCoreTaskContributions, OperationKind.Chore, Roles.SiteAdministrator | Roles.CoreTaskOwner, "Gennemse det, borgere har sendt via link, og tage det med i materialet eller afvise det"),
        (Operation.ContributeViaCoreTaskLink, OperationKind.Say, Roles.CoreTaskLinkHolder | Roles.CoreTaskOwner | Roles.CoreTaskMember, "Sende fotos, nekrologer og interviews via linket uden konto (venter på gennemsyn)"),
        (Operation.ValidateInsight, OperationKind.Say, Roles.CoreTaskOwner | Roles.CoreTaskMember, "Validere forløbets indsigter: enig, delvis enig eller uenig, med en kommentar"),
    ];

    private static readonly Dictionary<Operation, Roles> Allowed = Matrix.ToDictionary(r => r.Operation, r => r.Allowed);

    public static bool IsAllowed(Operation operation, Roles roles) => (Allowed[operation] & roles) != Roles.None;

    public static OperationKind KindOf(Operation operation) => Matrix.First(r => r.Operation == operation).Kind;

    public static readonly (Roles Role, string Danish)[] RoleColumns =
    [
        (Roles.SiteAdministrator, "Administrator"),
        (Roles.AnchorPerson, "Ankerperson"),
        (Roles.WorkingGroup, "Arbejdsgruppe"),
        (Roles.Actor, "Aktør"),
        (Roles.Observer, "Observatør"),
        (Roles.PlatformCoordinator, "Tovholder"),
        (Roles.PlatformMember, "Platformsmedlem"),
        (Roles.MeetingInvitee, "Inviteret til mødet"),
        (Roles.CampaignManager, "Indsamlingsansvarlig"),
        (Roles.Participant, "Deltager"),
        (Roles.IdeaAuthor, "Idéens forfatter"),
        (Roles.CommentAuthor, "Kommentarens forfatter"),
        (Roles.BridgeBuilder, "Brobygger"),
        (Roles.RequestAuthor, "Henvendelsens afsender"),
        (Roles.CoreTaskOwner, "Forløbets ejer"),
        (Roles.CoreTaskMember, "Deltager i forløbet"),
        (Roles.CoreTaskDefiner, "Leder, medarbejder eller politiker i forløbet"),
        (Roles.CoreTaskLinkHolder, "Har forløbets åbne link eller kode"),
    ];

    /// <summary>The matrix as the Markdown table in docs/permissions.md.</summary>
    public static string MarkdownTable()
    {
        var sb = new StringBuilder();
        sb.Append("| Handling | Operation | Art |");
        foreach (var (_, name) in RoleColumns)
        {
            sb.Append(' ').Append(name).Append(" |");
        }
        sb.Append('\n').Append("| --- | --- | --- |");
        foreach (var _ in RoleColumns)
        {
            sb.Append(" :-: |");
        }
        sb.Append('\n');
        foreach (var (operation, kind, allowed, danish) in Matrix)
        {
            sb.Append("| ").Append(danish).Append(" | `").Append(operation).Append("` | ").Append(kind).Append(" |");
            foreach (var (role, _) in RoleColumns)
            {
                sb.Append((allowed & role) != 0 ? " ja |" : " – |");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

/// <summary>What a permission is asked about: the site, an initiative, or one platform of an initiative.</summary>
public sealed record AccessScope(int? InitiativeId = null, int? PlatformId = null, int? MeetingId = null, int? CampaignId = null, int? IdeaId = null, int? CommentId = null,
    int? AreaId = null, int? RequestId = null, int? CoreTaskProcessId = null)
{
    public static AccessScope ForCoreTask(int processId) => new(CoreTaskProcessId: processId);
    public static AccessScope ForArea(int areaId) => new(AreaId: areaId);
    public static AccessScope ForRequest(int areaId, int requestId) => new(AreaId: areaId, RequestId: requestId);
    public static AccessScope ForComment(int campaignId, int ideaId, int commentId) => new(CampaignId: campaignId, IdeaId: ideaId, CommentId: commentId);
    public static AccessScope ForCampaign(int campaignId) => new(CampaignId: campaignId);
    public static AccessScope ForIdea(int campaignId, int ideaId) => new(CampaignId: campaignId, IdeaId: ideaId);
    public static readonly AccessScope Site = new();
    public static AccessScope ForInitiative(int id) => new(id);
    public static AccessScope ForPlatform(int initiativeId, int platformId) => new(initiativeId, platformId);
    public static AccessScope ForMeeting(int initiativeId, int? platformId, int meetingId) => new(initiativeId, platformId, meetingId);
}

public sealed class PermissionRequirement(Operation operation) : IAuthorizationRequirement
{
    public Operation Operation { get; } = operation;
}

/// <summary>Finds the roles the signed-in user holds in a scope, through the persons linked to their account.</summary>
public sealed class RoleResolver(AppDbContext db, Samskab.Web.Features.Participation.ParticipantSession participants)
{
    private readonly Dictionary<AccessScope, Roles> _cache = [];

    public async Task<Roles> RolesAsync(ClaimsPrincipal user, AccessScope scope, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(scope, out var cached))
        {
            return cached;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            // Citizens take part without an account: the participant cookie is their only role.
            var citizen = await ParticipantRolesAsync(scope, ct);
            _cache[scope] = citizen;
            return citizen;
        }
        var roles = user.IsInRole(RoleNames.Administrator) ? Roles.SiteAdministrator : Roles.None;
        roles |= await ParticipantRolesAsync(scope, ct);
        if (scope.CampaignId is int campaignId)
        {
            var manages = await db.Campaigns.Where(c => c.Id == campaignId)
                .AnyAsync(c => c.Managers.Any(m => m.UserId == userId)
                    || db.InitiativeMembers.Any(m => m.InitiativeId == c.InitiativeId && m.Role == InitiativeRole.AnchorPerson && m.Person!.UserId == userId), ct);
            if (manages)
            {
                roles |= Roles.CampaignManager;
            }
        }
        if (scope.AreaId is int areaId && await db.AreaBridgeBuilders.AnyAsync(b => b.AreaId == areaId && b.UserId == userId, ct))
        {
            roles |= Roles.BridgeBuilder;
        }
        if (scope.InitiativeId is int initiativeId)
        {
            var memberships = await db.InitiativeMembers
                .Where(m => m.InitiativeId == initiativeId && m.Person!.UserId == userId)
                .Select(m => new { m.Role, m.InWorkingGroup })
                .ToListAsync(ct);
            foreach (var m in memberships)
            {
                roles |= m.Role switch
                {
                    InitiativeRole.AnchorPerson => Roles.AnchorPerson,
                    InitiativeRole.Actor => Roles.Actor,
                    InitiativeRole.Observer => Roles.Observer,
                    _ => Roles.None,
                };
                if (m.InWorkingGroup)
                {
                    roles |= Roles.WorkingGroup;
                }
            }
        }
        if (scope.PlatformId is int platformId)
        {
            var memberships = await db.PlatformMembers
                .Where(m => m.PlatformId == platformId && m.LeftOn == null && m.Person!.UserId == userId)
                .Select(m => m.IsCoordinator)
                .ToListAsync(ct);
            foreach (var isCoordinator in memberships)
            {
                roles |= isCoordinator ? Roles.PlatformCoordinator | Roles.PlatformMember : Roles.PlatformMember;
            }
        }
        else if (scope.InitiativeId is int iid)
        {
            // Being on any platform of the initiative makes a person a participant of it.
            var onAnyPlatform = await db.PlatformMembers
                .AnyAsync(m => m.Platform!.InitiativeId == iid && m.LeftOn == null && m.Person!.UserId == userId, ct);
            if (onAnyPlatform && (roles & (Roles.AnchorPerson | Roles.WorkingGroup | Roles.Actor)) == 0)
            {
                roles |= Roles.Actor;
            }
        }
        if (scope.MeetingId is int meetingId
            && await db.Invitations.AnyAsync(i => i.MeetingId == meetingId && i.Person!.UserId == userId, ct))
        {
            roles |= Roles.MeetingInvitee;
        }
        if (scope.CoreTaskProcessId is int processId)
        {
            var places = await db.CoreTaskParticipants.Where(p => p.ProcessId == processId && p.UserId == userId)
                .Select(p => new { p.IsOwner, p.Role }).ToListAsync(ct);
            foreach (var p in places)
            {
                roles |= Roles.CoreTaskMember | (p.IsOwner ? Roles.CoreTaskOwner : Roles.None)
                    | (Samskab.Web.Features.CoreTask.CoreTaskRules.Defines(p.Role) ? Roles.CoreTaskDefiner : Roles.None);
            }
        }
        if (scope.InitiativeId is null && scope.PlatformId is null && scope.CampaignId is null && scope.AreaId is null && scope.CoreTaskProcessId is null)
        {
            // Site-wide: a bridge builder of any area may open the bridge builder's desk.
            if (await db.AreaBridgeBuilders.AnyAsync(b => b.UserId == userId, ct))
            {
                roles |= Roles.BridgeBuilder;
            }
            if (user.IsInRole(RoleNames.CampaignManager))
            {
                roles |= Roles.CampaignManager;
            }
            var isAnchorSomewhere = await db.InitiativeMembers
                .AnyAsync(m => m.Role == InitiativeRole.AnchorPerson && m.Person!.UserId == userId, ct);
            if (isAnchorSomewhere)
            {
                roles |= Roles.AnchorPerson;
            }
        }
        _cache[scope] = roles;
        return roles;
    }

    private async Task<Roles> ParticipantRolesAsync(AccessScope scope, CancellationToken ct)
    {
        if (scope.InitiativeId is not null || scope.PlatformId is not null || scope.MeetingId is not null || scope.CoreTaskProcessId is not null)
        {
            return Roles.None;
        }
        var participant = await participants.CurrentAsync(ct);
        if (participant is null)
        {
            return Roles.None;
        }
        var roles = Roles.Participant;
        if (scope.IdeaId is int ideaId && await db.Ideas.AnyAsync(i => i.Id == ideaId && i.ParticipantId == participant.Id, ct))
        {
            roles |= Roles.IdeaAuthor;
        }
        if (scope.RequestId is int requestId && await db.AreaRequests.AnyAsync(r => r.Id == requestId && r.AreaId == scope.AreaId && r.ParticipantId == participant.Id, ct))
        {
            roles |= Roles.RequestAuthor;
        }
        if (scope.CommentId is int commentId && await db.IdeaComments.AnyAsync(c => c.Id == commentId && c.IdeaId == scope.IdeaId && c.ParticipantId == participant.Id, ct))
        {
            roles |= Roles.CommentAuthor;
        }
        return roles;
    }

    /// <summary>
    /// Works out the user's roles on every platform of an initiative in two queries and keeps them for the request,
    /// so a page that asks about each platform in turn (a list of platforms with what one may do on each) asks the
    /// database once, not once per platform. Gives the same roles as <see cref="RolesAsync"/> for each platform.
    /// </summary>
    public async Task PrefetchPlatformsAsync(ClaimsPrincipal user, int initiativeId, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var baseRoles = user.IsInRole(RoleNames.Administrator) ? Roles.SiteAdministrator : Roles.None;
        var memberships = await db.InitiativeMembers
            .Where(m => m.InitiativeId == initiativeId && m.Person!.UserId == userId)
            .Select(m => new { m.Role, m.InWorkingGroup })
            .ToListAsync(ct);
        foreach (var m in memberships)
        {
            baseRoles |= m.Role switch
            {
                InitiativeRole.AnchorPerson => Roles.AnchorPerson,
                InitiativeRole.Actor => Roles.Actor,
                InitiativeRole.Observer => Roles.Observer,
                _ => Roles.None,
            };
            if (m.InWorkingGroup)
            {
                baseRoles |= Roles.WorkingGroup;
            }
        }
        var platforms = await db.Platforms.Where(p => p.InitiativeId == initiativeId)
            .Select(p => new
            {
                p.Id,
                Memberships = p.Members.Where(m => m.LeftOn == null && m.Person!.UserId == userId).Select(m => m.IsCoordinator).ToList(),
            })
            .ToListAsync(ct);
        foreach (var p in platforms)
        {
            var roles = baseRoles;
            foreach (var isCoordinator in p.Memberships)
            {
                roles |= isCoordinator ? Roles.PlatformCoordinator | Roles.PlatformMember : Roles.PlatformMember;
            }
            _cache[AccessScope.ForPlatform(initiativeId, p.Id)] = roles;
        }
    }
}

public sealed class PermissionHandler(RoleResolver resolver) : AuthorizationHandler<PermissionRequirement, AccessScope>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, AccessScope resource)
    {
        var roles = await resolver.RolesAsync(context.User, resource);
        if (Permissions.IsAllowed(requirement.Operation, roles))
        {
            context.Succeed(requirement);
        }
    }
}

public static class AuthorizationExtensions
{
    public static Task<AuthorizationResult> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, AccessScope scope, Operation operation) =>
        service.AuthorizeAsync(user, scope, new PermissionRequirement(operation));
}
