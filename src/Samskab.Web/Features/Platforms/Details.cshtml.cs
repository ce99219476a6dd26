using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Platforms;

/// <summary>
/// A development platform: members and coordinators, focus, status, the members' change proposals decided by
/// consent, the anchor person's direct actions, and the platform's history.
/// </summary>
public class DetailsModel(AppDbContext db, IAuthorizationService auth, PlatformLifecycle lifecycle, Consent consent, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record MemberRow(int MemberId, int PersonId, string Name, string? Organisation, bool IsCoordinator, DateOnly JoinedOn, bool OnboardingDone);
    public sealed record FormerRow(string Name, DateOnly JoinedOn, DateOnly LeftOn, string? Reason);
    public sealed record ResponseRow(int PersonId, string Name, bool Agrees, string? Reason, DateTimeOffset At);
    public sealed record ProposalRow(int Id, ProposalKind Kind, string Reason, string? NewFocus, string? MergeInto, DateOnly? ExpectedResumeOn,
        int ProposedById, string ProposedBy, DateTimeOffset ProposedAt, ProposalStatus Status, string? DecisionRecord, string? Source, IReadOnlyList<ResponseRow> Responses);
    public sealed record Choice(int Id, string Name);

    public sealed class EditInput
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Giv platformen et navn.")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Fokusområdet må højst være 2000 tegn.")]
        public string? FocusArea { get; set; }
    }

    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Vælg, hvilken ændring det drejer sig om.")]
        public ProposalKind? Kind { get; set; }

        [StringLength(2000, ErrorMessage = "Begrundelsen må højst være 2000 tegn.")]
        public string? Reason { get; set; }

        [StringLength(2000, ErrorMessage = "Fokus må højst være 2000 tegn.")]
        public string? NewFocus { get; set; }

        public int? MergeIntoId { get; set; }
        public DateOnly? ExpectedResumeOn { get; set; }
    }

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    public DevelopmentPlatform Platform { get; private set; } = null!;
    public string InitiativeTitle { get; private set; } = "";
    public string? MergedIntoName { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<FormerRow> Former { get; private set; } = [];
    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];
    public IReadOnlyList<Choice> MergeTargets { get; private set; } = [];
    public IReadOnlyList<Choice> Candidates { get; private set; } = [];

    /// <summary>How many people of the initiative could join (before any search), and whether more match than shown.</summary>
    public int CandidateCount { get; private set; }
    public bool MoreCandidates { get; private set; }
    public const int CandidateLimit = 25;

    [BindProperty(SupportsGet = true, Name = "soeg")]
    public string? MemberSearch { get; set; }
    public IReadOnlyList<TimelineRow> History { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, DateTimeOffset StartsAt, bool Cancelled)> UpcomingMeetings { get; private set; } = [];
    public IReadOnlyList<(DateOnly HappenedOn, string What)> LatestRipples { get; private set; } = [];
    public int RippleCount { get; private set; }
    public int GoalCount { get; private set; }
    public int? OpenRealityCheckId { get; private set; }
    public DateTimeOffset? LastRealityCheck { get; private set; }
    public int GoalsWithoutBaseline { get; private set; }
    public bool CanRegisterRipple { get; private set; }
    public IReadOnlyList<(int Id, string Text, string Owner, DateOnly? Deadline, int? MeetingId)> OpenAgreements { get; private set; } = [];
    public int? MyPersonId { get; private set; }
    public bool CanPropose { get; private set; }
    public bool CanAct { get; private set; }
    public bool CanPlan { get; private set; }
    public bool IsOpen => Platform.Status is PlatformStatus.Active or PlatformStatus.Standby;

    private AccessScope Scope => AccessScope.ForPlatform(Platform.InitiativeId, Platform.Id);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    /// <summary>The anchor person (or an administrator) renames or refocuses directly; two at once get a conflict.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanAct) return this.Refuse();
        OnlyValidate(nameof(Edit));
        if (!ModelState.IsValid) return Page();
        var platform = await db.Platforms.SingleAsync(p => p.Id == id, cancellationToken: ct);
        db.Entry(platform).Property(p => p.Version).OriginalValue = Edit.Version;
        var renamed = platform.Name != Edit.Name.Trim();
        var refocused = (platform.FocusArea ?? "") != (Edit.FocusArea?.Trim() ?? "");
        var oldName = platform.Name;
        platform.Name = Edit.Name.Trim();
        platform.FocusArea = string.IsNullOrWhiteSpace(Edit.FocusArea) ? null : Edit.FocusArea.Trim();
        platform.Version++;
        if (renamed || refocused)
        {
            var edited = (renamed, refocused) switch
            {
                (true, true) => TimelineEvents.Part("platform.edited.both", oldName, platform.Name, platform.FocusArea ?? ""),
                (true, false) => TimelineEvents.Part("platform.edited.name", oldName, platform.Name),
                _ => TimelineEvents.Part("platform.edited.focus", platform.FocusArea ?? ""),
            };
            db.Append(User, clock.GetUtcNow(), platform.InitiativeId, platform.Id, new TimelineEvent("platform.edited", [edited]), byAnchorPerson: true);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Edit.Name", l["En anden har ændret platformen, mens du redigerede. Din tekst er bevaret herunder – se den nye version på siden, og gem igen, hvis din skal gælde."]);
            await LoadAsync(id);
            Edit.Version = Platform.Version;
            ModelState.Remove("Edit.Version");
            return Page();
        }
        TempData["Success"] = l["Platformen er gemt."].Value;
        return Redirect($"/platforme/{id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id, int personId, bool coordinator, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanAct) return this.Refuse();
        if (!IsOpen) return this.Problem(l["Platformen er lukket."]);
        var name = Members.Any(m => m.PersonId == personId) ? null
            : await db.InitiativeMembers.Where(m => m.InitiativeId == Platform.InitiativeId && m.PersonId == personId && m.Role != InitiativeRole.Observer)
                .Select(m => m.Person!.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return this.Problem(Members.Any(m => m.PersonId == personId)
                ? l["Personen er allerede medlem af platformen."]
                : l["Vælg en aktør fra initiativet."]);
        }
        if (coordinator && Members.Count(m => m.IsCoordinator) >= 2)
        {
            return this.Problem(l["En platform har én eller to tovholdere."]);
        }
        var now = clock.GetUtcNow();
        db.PlatformMembers.Add(new PlatformMember { PlatformId = id, PersonId = personId, IsCoordinator = coordinator, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime) });
        db.Append(User, now, Platform.InitiativeId, id, TimelineEvents.Event("platform.member-joined", coordinator ? "platform.member-joined.coordinator" : "platform.member-joined", name, Platform.Name));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a double click or two people adding the same person at once.
            return this.Problem(l["Personen er allerede medlem af platformen."]);
        }
        TempData["Success"] = l["{0} er tilføjet platformen.", name].Value;
        return Redirect($"/platforme/{id}");
    }

    public async Task<IActionResult> OnPostCoordinatorAsync(int id, int memberId, bool make, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanAct) return this.Refuse();
        var member = await db.PlatformMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.PlatformId == id && m.LeftOn == null, cancellationToken: ct);
        if (member is null) return this.Problem(l["En tovholder skal være medlem af platformen."]);
        if (make && !member.IsCoordinator && Members.Count(m => m.IsCoordinator) >= 2)
        {
            return this.Problem(l["En platform har én eller to tovholdere."]);
        }
        member.IsCoordinator = make;
        var name = Members.Single(m => m.MemberId == memberId).Name;
        db.Append(User, clock.GetUtcNow(), Platform.InitiativeId, id, TimelineEvents.Event("platform.coordinator", make ? "platform.coordinator.on" : "platform.coordinator.off", name, Platform.Name));
        await db.SaveChangesAsync(ct);
        return Redirect($"/platforme/{id}");
    }

    /// <summary>A member leaves with a reason: by their own choice, or recorded by the anchor person.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(int id, int memberId, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var member = await db.PlatformMembers.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == memberId && m.PlatformId == id && m.LeftOn == null, cancellationToken: ct);
        if (member is null) return NotFound();
        var self = member.PersonId == MyPersonId;
        if (!self && !CanAct) return this.Refuse();
        if (string.IsNullOrWhiteSpace(reason)) return this.Problem(l["Skriv, hvorfor personen forlader platformen."]);
        if (reason.Length > 1000) return this.Problem(l["Begrundelsen må højst være 1000 tegn."]);
        var now = clock.GetUtcNow();
        member.LeftOn = DateOnly.FromDateTime(now.UtcDateTime);
        member.LeftReason = reason.Trim();
        member.IsCoordinator = false;
        db.Append(User, now, Platform.InitiativeId, id, TimelineEvents.Event("platform.member-left", "platform.member-left", member.Person!.Name, Platform.Name), reason);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["{0} har forladt platformen.", member.Person.Name].Value;
        return Redirect($"/platforme/{id}");
    }

    /// <summary>The anchor person acts on the whole initiative, e.g. after a status meeting; the record says so.</summary>
    public async Task<IActionResult> OnPostActAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanAct) return this.Refuse();
        OnlyValidate(nameof(Change));
        if (Change.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Change.Kind", l["Vælg, hvilken ændring det drejer sig om."]);
        }
        if (!ModelState.IsValid) return Page();
        var platform = await db.Platforms.SingleAsync(p => p.Id == id, cancellationToken: ct);
        var change = ToChange();
        if (await lifecycle.CheckAsync(platform, change, ct) is { } problem)
        {
            ModelState.AddModelError("Change.Reason", l[problem]);
            return Page();
        }
        await lifecycle.ApplyAsync(platform, change, User, byAnchorPerson: true, TimelineEvents.Part("decided.anchor"), ct: ct);
        await SupersedeOpenProposalsAsync(id, platform);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Ændringen er gennemført og skrevet på tidslinjen."].Value;
        return Redirect($"/platforme/{id}");
    }

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPropose || MyPersonId is not int me) return this.Refuse();
        OnlyValidate(nameof(Change));
        if (Change.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Change.Kind", l["Vælg, hvilken ændring det drejer sig om."]);
        }
        if (!ModelState.IsValid) return Page();
        var change = ToChange();
        if (await lifecycle.CheckAsync(Platform, change, ct) is { } problem)
        {
            ModelState.AddModelError("Change.Reason", l[problem]);
            return Page();
        }
        var now = clock.GetUtcNow();
        var proposal = new ChangeProposal
        {
            PlatformId = id,
            Kind = change.Kind,
            Reason = change.Reason.Trim(),
            NewFocus = change.NewFocus?.Trim(),
            MergeIntoId = change.Kind == ProposalKind.Merge ? change.MergeIntoId : null,
            ExpectedResumeOn = change.Kind == ProposalKind.Standby ? change.ExpectedResumeOn : null,
            ProposedById = me,
            ProposedAt = now,
        };
        // Proposing is agreeing.
        proposal.Responses.Add(new ProposalResponse { PersonId = me, Agrees = true, At = now });
        db.ChangeProposals.Add(proposal);
        db.Append(User, now, Platform.InitiativeId, id, TimelineEvents.Event("proposal.made", "proposal.made", Platform.Name, PlatformText.Kind(change.Kind)), change.Reason);
        await db.SaveChangesAsync(ct);
        var adopted = await consent.TryDecideAsync(proposal, User, ct);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = adopted ? l["Forslaget er vedtaget – du er platformens eneste medlem."].Value : l["Forslaget er sendt til platformens medlemmer."].Value;
        return Redirect($"/platforme/{id}#forslag-{proposal.Id}");
    }

    public async Task<IActionResult> OnPostRespondAsync(int id, int proposalId, bool agrees, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanPropose || MyPersonId is not int me) return this.Refuse();
        var proposal = await db.ChangeProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.PlatformId == id, cancellationToken: ct);
        if (proposal is null) return NotFound();
        if (proposal.Status != ProposalStatus.Open) return this.Problem(l["Forslaget er allerede afgjort."]);
        if (!agrees && string.IsNullOrWhiteSpace(reason)) return this.Problem(l["En indsigelse skal have en begrundelse."]);
        if (reason?.Length > 2000) return this.Problem(l["Begrundelsen må højst være 2000 tegn."]);
        var now = clock.GetUtcNow();
        var response = await db.ProposalResponses.SingleOrDefaultAsync(r => r.ProposalId == proposalId && r.PersonId == me, cancellationToken: ct);
        if (response is null)
        {
            db.ProposalResponses.Add(new ProposalResponse { ProposalId = proposalId, PersonId = me, Agrees = agrees, Reason = reason?.Trim(), At = now });
        }
        else
        {
            (response.Agrees, response.Reason, response.At) = (agrees, reason?.Trim(), now);
        }
        var name = Members.Single(m => m.PersonId == me).Name;
        void Record() => db.Append(User, now, Platform.InitiativeId, id, TimelineEvents.Event(agrees ? "proposal.agreed" : "proposal.objected", agrees ? "proposal.agreed" : "proposal.objected", name, PlatformText.Kind(proposal.Kind)),
            agrees ? null : reason);
        Record();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (response is null)
        {
            // The same person's first answer was saved at the same moment from another tab or device: this answer,
            // the later one, replaces it.
            db.ChangeTracker.Clear();
            var saved = await db.ProposalResponses.SingleOrDefaultAsync(r => r.ProposalId == proposalId && r.PersonId == me, cancellationToken: ct);
            if (saved is null)
            {
                return this.Problem(l["Dit svar blev gemt samtidig et andet sted. Genindlæs siden."]);
            }
            (saved.Agrees, saved.Reason, saved.At) = (agrees, reason?.Trim(), now);
            proposal = await db.ChangeProposals.SingleAsync(p => p.Id == proposalId, ct);
            Record();
            await db.SaveChangesAsync(ct);
        }
        var adopted = await consent.TryDecideAsync(proposal, User, ct);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = adopted ? l["Alle medlemmer har tilsluttet sig – forslaget er vedtaget og gennemført."].Value : l["Dit svar er gemt."].Value;
        return Redirect($"/platforme/{id}#forslag-{proposalId}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int proposalId, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var proposal = await db.ChangeProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.PlatformId == id, cancellationToken: ct);
        if (proposal is null) return NotFound();
        if (proposal.ProposedById != MyPersonId) return this.Refuse();
        if (proposal.Status != ProposalStatus.Open) return this.Problem(l["Forslaget er allerede afgjort."]);
        proposal.Status = ProposalStatus.Withdrawn;
        proposal.DecidedAt = clock.GetUtcNow();
        db.Append(User, proposal.DecidedAt.Value, Platform.InitiativeId, id, TimelineEvents.Event("proposal.withdrawn", "proposal.withdrawn", PlatformText.Kind(proposal.Kind)));
        await db.SaveChangesAsync(ct);
        return Redirect($"/platforme/{id}");
    }

    private async Task SupersedeOpenProposalsAsync(int id, DevelopmentPlatform platform)
    {
        if (platform.Status is PlatformStatus.Closed or PlatformStatus.Merged)
        {
            var open = await db.ChangeProposals.Where(p => p.PlatformId == id && p.Status == ProposalStatus.Open).ToListAsync();
            foreach (var p in open)
            {
                p.Status = ProposalStatus.Superseded;
                p.DecidedAt = clock.GetUtcNow();
                p.DecisionRecord = "Bortfaldet: platformen blev " + (platform.Status == PlatformStatus.Closed ? "lukket." : "lagt sammen med en anden.");
            }
        }
    }

    private PlatformChange ToChange() =>
        new(Change.Kind!.Value, Change.Reason ?? "", Change.NewFocus, Change.MergeIntoId, Change.ExpectedResumeOn);

    private void OnlyValidate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }


    private async Task<IActionResult?> LoadAsync(int id)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (platform is null)
        {
            return NotFound();
        }
        Platform = platform;
        if (!await this.CanAsync(auth, Scope, Operation.ViewPlatform))
        {
            return this.Refuse();
        }
        CanPropose = await this.CanAsync(auth, Scope, Operation.ProposePlatformChange);
        CanAct = await this.CanAsync(auth, Scope, Operation.ActOnWholeInitiative);
        CanPlan = await this.CanAsync(auth, Scope, Operation.PlanPlatformMeeting);
        InitiativeTitle = await db.Initiatives.Where(i => i.Id == platform.InitiativeId).Select(i => i.Title).SingleAsync();
        MergedIntoName = platform.MergedIntoId is int mid ? await db.Platforms.Where(p => p.Id == mid).Select(p => p.Name).SingleAsync() : null;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var members = await db.PlatformMembers.Where(m => m.PlatformId == id)
            .Select(m => new
            {
                m.Id,
                m.PersonId,
                m.Person!.Name,
                Organisation = m.Person.Organisation!.Name,
                m.Person.UserId,
                m.IsCoordinator,
                m.JoinedOn,
                m.LeftOn,
                m.LeftReason,
                Onboarded = db.InitiativeMembers.Any(im => im.InitiativeId == platform.InitiativeId && im.PersonId == m.PersonId && im.PreMeetingOn != null && im.MethodIntroducedOn != null),
            })
            .ToListAsync();
        Members = members.Where(m => m.LeftOn == null).OrderByDescending(m => m.IsCoordinator).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => new MemberRow(m.Id, m.PersonId, m.Name, m.Organisation, m.IsCoordinator, m.JoinedOn, m.Onboarded)).ToList();
        Former = members.Where(m => m.LeftOn != null).OrderByDescending(m => m.LeftOn)
            .Select(m => new FormerRow(m.Name, m.JoinedOn, m.LeftOn!.Value, m.LeftReason)).ToList();
        MyPersonId = userId is null ? null : members.Where(m => m.LeftOn == null && m.UserId == userId).Select(m => (int?)m.PersonId).FirstOrDefault();
        if (Edit.Version == 0 && string.IsNullOrEmpty(Edit.Name))
        {
            Edit = new EditInput { Version = platform.Version, Name = platform.Name, FocusArea = platform.FocusArea };
        }
        return null;
    }

    /// <summary>
    /// A write needs only the platform, the permissions and the members (<see cref="LoadAsync"/>); the rest of the page
    /// is read only when the page is shown: after a GET, or when a form is shown again with a message.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null && executed.Result is PageResult && Platform is not null)
        {
            await LoadPageAsync(Platform, HttpContext.RequestAborted);
        }
    }

    private async Task LoadPageAsync(DevelopmentPlatform platform, CancellationToken ct)
    {
        var id = platform.Id;
        var proposals = await db.ChangeProposals.Where(p => p.PlatformId == id)
            .OrderByDescending(p => p.Status == ProposalStatus.Open).ThenByDescending(p => p.ProposedAt)
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.Reason,
                p.NewFocus,
                MergeInto = db.Platforms.Where(x => x.Id == p.MergeIntoId).Select(x => x.Name).FirstOrDefault(),
                p.ExpectedResumeOn,
                p.ProposedById,
                ProposedBy = p.ProposedBy!.Name,
                p.ProposedAt,
                p.Status,
                p.DecisionRecord,
                p.Source,
                Responses = p.Responses.Select(r => new ResponseRow(r.PersonId, r.Person!.Name, r.Agrees, r.Reason, r.At)).ToList(),
            })
            .Take(20)
            .ToListAsync(ct);
        Proposals = proposals.Select(p => new ProposalRow(p.Id, p.Kind, p.Reason, p.NewFocus, p.MergeInto, p.ExpectedResumeOn, p.ProposedById, p.ProposedBy, p.ProposedAt, p.Status, p.DecisionRecord, p.Source, p.Responses)).ToList();
        MergeTargets = await db.Platforms.Where(p => p.InitiativeId == platform.InitiativeId && p.Id != id && (p.Status == PlatformStatus.Active || p.Status == PlatformStatus.Standby))
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        var currentIds = Members.Select(m => m.PersonId).ToList();
        // The "add member" list: a large initiative has a thousand people, so the list shows the first ones and a
        // search (name or organisation) finds the rest.
        var candidates = db.InitiativeMembers.Where(m => m.InitiativeId == platform.InitiativeId && m.Role != InitiativeRole.Observer && !currentIds.Contains(m.PersonId));
        CandidateCount = await candidates.CountAsync(ct);
        if (!string.IsNullOrWhiteSpace(MemberSearch))
        {
            var term = TextSearch.Term(MemberSearch.Length <= 200 ? MemberSearch : MemberSearch[..200]);
            candidates = candidates.Where(m => TextSearch.Fold(m.Person!.Name)!.Contains(term) || TextSearch.Fold(m.Person.Organisation!.Name)!.Contains(term));
        }
        var shown = await candidates.OrderBy(m => m.Person!.Name).Select(m => new Choice(m.PersonId, m.Person!.Name)).Take(CandidateLimit + 1).ToListAsync(ct);
        MoreCandidates = shown.Count > CandidateLimit;
        Candidates = shown.Take(CandidateLimit).ToList();
        var now = clock.GetUtcNow();
        UpcomingMeetings = (await db.Meetings.Where(m => m.PlatformId == id && m.EndsAt >= now).OrderBy(m => m.StartsAt).Take(5)
            .Select(m => new { m.Id, m.Title, m.StartsAt, Cancelled = m.CancelledAt != null }).ToListAsync(ct))
            .Select(m => (m.Id, m.Title, m.StartsAt, m.Cancelled)).ToList();
        OpenAgreements = (await db.Agreements.Where(a => a.PlatformId == id && a.DoneAt == null).OrderBy(a => a.Deadline == null).ThenBy(a => a.Deadline)
            .Select(a => new { a.Id, a.Text, Owner = a.OwnerPerson!.Name, a.Deadline, a.MeetingId }).ToListAsync(ct))
            .Select(a => (a.Id, a.Text, a.Owner, a.Deadline, a.MeetingId)).ToList();
        var lineage = await lifecycle.LineageAsync(id, ct);
        CanRegisterRipple = await this.CanAsync(auth, AccessScope.ForInitiative(platform.InitiativeId), Operation.RegisterRipple);
        var ripples = db.Ripples.Where(r => r.Platforms.Any(x => lineage.Contains(x.PlatformId)));
        RippleCount = await ripples.CountAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlatformId == id && g.Status != Goals.GoalStatus.Dropped).ToListAsync(ct);
        GoalCount = goals.Count;
        OpenRealityCheckId = await db.RealityChecks.Where(c => c.PlatformId == id && c.ClosedAt == null).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        LastRealityCheck = await db.RealityChecks.Where(c => c.PlatformId == id).MaxAsync(c => (DateTimeOffset?)c.StartedAt, ct);
        GoalsWithoutBaseline = goals.Count(g => !g.HasBaseline);
        LatestRipples = (await ripples.OrderByDescending(r => r.HappenedOn).Take(3).Select(r => new { r.HappenedOn, r.What }).ToListAsync(ct))
            .Select(r => (r.HappenedOn, r.What)).ToList();
        History = await TimelineRow.QueryAsync(db.Timeline.Where(t => t.PlatformId != null && lineage.Contains(t.PlatformId.Value)), 30, ct);
    }
}
