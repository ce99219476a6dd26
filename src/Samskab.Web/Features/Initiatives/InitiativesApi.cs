using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Initiatives;

/// <summary>/api/v1 resources of the backbone: initiatives, platforms, actors, timeline.</summary>
public static class InitiativesApi
{
    public sealed record InitiativeSummary(int Id, string Title, string SharedChallenge, int Phase, string PhaseName, DateOnly StartDate);
    public sealed record InitiativeDetail(int Id, string Title, string SharedChallenge, string? Description, DateOnly StartDate, int Phase, string PhaseName,
        IReadOnlyList<string> GroundRules, Canvas Canvas, IReadOnlyList<string> AnchorPersons);
    public sealed record Canvas(string? TargetGroup, string? Vision, string? Purpose, string? ImportantResults, string? Participants);
    public sealed record PlatformMemberDto(int PersonId, string Name, string? Organisation, bool IsCoordinator, DateOnly JoinedOn);
    public sealed record PlatformDto(int Id, string Name, string Status, string? FocusArea, string? StatusReason, DateOnly? ExpectedResumeOn, int? MergedIntoId,
        IReadOnlyList<string> Coordinators, IReadOnlyList<PlatformMemberDto> Members);
    public sealed record ActorDto(int PersonId, string Name, string? Title, string? Organisation, string? OrganisationType, string Role, bool InWorkingGroup,
        IReadOnlyList<string> Platforms, string? Interest, string? Influence, string? Stance, string? Necessity, string? PlannedInvolvement, string? Email, string? Phone);
    public sealed record TimelineDto(DateTimeOffset At, string By, string Kind, string What, string? Why, int? PlatformId, bool ByAnchorPerson);

    public sealed record RippleDto(int Id, DateOnly HappenedOn, string What, string Category, string Beneficiary, IReadOnlyList<string> Platforms, IReadOnlyList<string> Actors, string RegisteredBy);

    public sealed record MeasurementDto(DateOnly Date, decimal Value, string? Note);
    public sealed record ObservationDto(DateOnly Date, string Text);
    public sealed record GoalDto(int Id, string Title, string Kind, string Horizon, string Status, string? StatusReason, bool HasBaseline, string? Indicator, string? Unit,
        decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, string? BaselineDescription, string? Method, string? ExpectedInfluence,
        string? Argument, string? Weaknesses, IReadOnlyList<string> ValueTypes, IReadOnlyList<MeasurementDto> Measurements, IReadOnlyList<ObservationDto> Observations);

    public sealed record RealityCheckAnswerDto(string Name, string? GoalProgress, string? Participation, string? Obstacles, bool NeedsSparring, string ProposedChange);
    public sealed record RealityCheckDto(int Id, DateTimeOffset StartedAt, DateOnly? DueBy, DateTimeOffset? ClosedAt, string? Outcome, string? Summary, int? ProposalId, IReadOnlyList<RealityCheckAnswerDto> Answers);
    public sealed record RadarDto(int PlatformId, string Platform, string Signal, string Text, string Action, string ActionUrl);

    public sealed record CreateInitiativeRequest(
        [property: Required, StringLength(200)] string Title,
        [property: Required, StringLength(2000)] string SharedChallenge,
        [property: StringLength(8000)] string? Description,
        DateOnly? StartDate);

    public sealed record CreatePlatformRequest([property: Required, StringLength(200)] string Name, [property: StringLength(2000)] string? FocusArea);

    public sealed record PlatformChangeRequest(string Kind, [property: StringLength(2000)] string? Reason, string? NewFocus, int? MergeIntoId, DateOnly? ExpectedResumeOn);

    public static void MapInitiativesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/initiatives", async (ClaimsPrincipal user, AppDbContext db) =>
        {
            var rows = await db.Initiatives.VisibleTo(db, user)
                .OrderBy(i => i.Title)
                .Select(i => new { i.Id, i.Title, i.SharedChallenge, i.Phase, i.StartDate })
                .ToListAsync();
            return rows.Select(i => new InitiativeSummary(i.Id, i.Title, i.SharedChallenge, i.Phase, Phases.Of(i.Phase).Name, i.StartDate)).ToList();
        }).WithName("ListInitiatives").WithSummary("Initiatives the caller takes part in (all for administrators)");

        api.MapGet("/initiatives/{id:int}", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            var i = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
            if (i is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewInitiative)).Succeeded) return Results.Forbid();
            var anchors = await db.InitiativeMembers.Where(m => m.InitiativeId == id && m.Role == InitiativeRole.AnchorPerson).Select(m => m.Person!.Name).ToListAsync();
            return Results.Ok(new InitiativeDetail(i.Id, i.Title, i.SharedChallenge, i.Description, i.StartDate, i.Phase, Phases.Of(i.Phase).Name,
                i.GroundRules.Split('\n', StringSplitOptions.RemoveEmptyEntries), new Canvas(i.TargetGroup, i.Vision, i.Purpose, i.ImportantResults, i.Participants), anchors));
        }).WithName("GetInitiative").Produces<InitiativeDetail>();

        api.MapGet("/initiatives/{id:int}/platforms", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewInitiative)).Succeeded) return Results.Forbid();
            var rows = await db.Platforms.Where(p => p.InitiativeId == id).OrderBy(p => p.Name)
                .Select(p => new
                {
                    p.Id,
                    p.Name,
                    p.Status,
                    p.FocusArea,
                    p.StatusReason,
                    p.ExpectedResumeOn,
                    p.MergedIntoId,
                    Members = p.Members.Where(m => m.LeftOn == null).Select(m => new PlatformMemberDto(m.PersonId, m.Person!.Name, m.Person.Organisation!.Name, m.IsCoordinator, m.JoinedOn)).ToList(),
                })
                .ToListAsync();
            return Results.Ok(rows.Select(p => new PlatformDto(p.Id, p.Name, p.Status.ToString(), p.FocusArea, p.StatusReason, p.ExpectedResumeOn, p.MergedIntoId,
                p.Members.Where(m => m.IsCoordinator).Select(m => m.Name).ToList(), p.Members)).ToList());
        }).WithName("ListPlatforms").Produces<List<PlatformDto>>();

        api.MapGet("/initiatives/{id:int}/actors", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewActorOverview)).Succeeded) return Results.Forbid();
            var assessments = (await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewStakeholderAssessments)).Succeeded;
            var rows = await ActorOverviewQuery.RowsAsync(db, id, assessments, default);
            return Results.Ok(rows.Select(r => new ActorDto(r.PersonId, r.Name, r.Title, r.Organisation, r.Type?.ToString(), r.Role.ToString(), r.InWorkingGroup, r.Platforms,
                r.Interest, r.Influence?.ToString(), r.Stance?.ToString(), r.Necessity?.ToString(), r.Involvement?.ToString(), r.Email, r.Phone)).ToList());
        }).WithName("ListActors").Produces<List<ActorDto>>();

        api.MapGet("/initiatives/{id:int}/timeline", async (int id, int? page, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewInitiative)).Succeeded) return Results.Forbid();
            var size = 100;
            var skip = (Math.Max(1, page ?? 1) - 1) * size;
            var rows = await db.Timeline.Where(t => t.InitiativeId == id).OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Skip(skip).Take(size)
                .Select(t => new TimelineDto(t.At, t.ByName, t.Kind, t.What, t.Why, t.PlatformId, t.ByAnchorPerson)).ToListAsync();
            return Results.Ok(rows);
        }).WithName("GetTimeline").WithSummary("The initiative's history, newest first, 100 per page").Produces<List<TimelineDto>>();

        api.MapGet("/initiatives/{id:int}/ripples", async (int id, string? category, int? platform, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewInitiative)).Succeeded) return Results.Forbid();
            Ripples.RippleCategory? c = Enum.TryParse<Ripples.RippleCategory>(category, true, out var parsed) ? parsed : null;
            var rows = await Ripples.RippleLog.ListAsync(db, id, Ripples.RippleLog.Query(db, id, new Ripples.RippleLog.Filter(c, null, platform)));
            return Results.Ok(rows.Select(r => new RippleDto(r.Id, r.HappenedOn, r.What, r.Category.ToString(), r.Beneficiary.ToString(), r.Platforms, r.Actors, r.ByName)).ToList());
        }).WithName("ListRipples").WithSummary("Ripples in the water, newest first; filter with ?category= and ?platform=").Produces<List<RippleDto>>();

        api.MapGet("/platforms/{id:int}/goals", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
            if (platform is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForPlatform(platform.InitiativeId, id), Operation.ViewPlatform)).Succeeded) return Results.Forbid();
            var goals = await db.Goals.AsNoTracking().Include(g => g.Measurements).Include(g => g.Observations).Where(g => g.PlatformId == id).OrderBy(g => g.Id).ToListAsync();
            return Results.Ok(goals.Select(g => new GoalDto(g.Id, g.Title, g.Kind.ToString(), g.Horizon.ToString(), g.Status.ToString(), g.StatusReason, g.HasBaseline,
                g.Indicator, g.Unit, g.BaselineValue, g.BaselineDate, g.TargetValue, g.TargetDate, g.BaselineDescription, g.Method?.ToString(), g.ExpectedInfluence, g.Argument, g.Weaknesses,
                Goals.GoalText.AllValueTypes.Where(v => g.ValueTypes.HasFlag(v)).Select(v => v.ToString()).ToList(),
                g.Measurements.OrderBy(m => m.MeasuredOn).Select(m => new MeasurementDto(m.MeasuredOn, m.Value, m.Note)).ToList(),
                g.Observations.OrderBy(o => o.ObservedOn).Select(o => new ObservationDto(o.ObservedOn, o.Text)).ToList())).ToList());
        }).WithName("ListGoals").WithSummary("A platform's goals with kind, horizon, baseline and measurements").Produces<List<GoalDto>>();

        api.MapGet("/platforms/{id:int}/reality-checks", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
            if (platform is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForPlatform(platform.InitiativeId, id), Operation.ViewPlatform)).Succeeded) return Results.Forbid();
            var checks = await db.RealityChecks.AsNoTracking().Include(c => c.Answers).Where(c => c.PlatformId == id).OrderByDescending(c => c.StartedAt).ToListAsync();
            var personIds = checks.SelectMany(c => c.Answers).Select(a => a.PersonId).Distinct().ToList();
            var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
            return Results.Ok(checks.Select(c => new RealityCheckDto(c.Id, c.StartedAt, c.DueBy, c.ClosedAt, c.Outcome?.ToString(), c.Summary, c.ProposalId,
                c.Answers.Select(a => new RealityCheckAnswerDto(names.GetValueOrDefault(a.PersonId, ""), a.GoalProgress, a.Participation, a.Obstacles, a.NeedsSparring, a.ProposedChange.ToString())).ToList())).ToList());
        }).WithName("ListRealityChecks").Produces<List<RealityCheckDto>>();

        api.MapGet("/initiatives/{id:int}/radar", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth, Radar.StagnationRadar radar) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ActOnWholeInitiative)).Succeeded) return Results.Forbid();
            return Results.Ok((await radar.ScanAsync(id)).Select(f => new RadarDto(f.PlatformId, f.Platform, f.Signal.ToString(), f.Text, f.ActionText, f.ActionUrl)).ToList());
        }).WithName("GetRadar").WithSummary("The stagnation radar: what has gone quiet, for the anchor person").Produces<List<RadarDto>>();

        // Writes take a bearer token only: a session cookie could be ridden by another site (CSRF).
        var writes = api.MapGroup("").AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == PersonalAccessTokenHandler.SchemeName)
                ? await next(context)
                : Results.Problem("Skrivning i API'et kræver en personlig adgangsnøgle (Authorization: Bearer …).", statusCode: StatusCodes.Status401Unauthorized));

        writes.MapPost("/initiatives", async (CreateInitiativeRequest body, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth, TimeProvider clock) =>
        {
            if (!(await auth.AuthorizeAsync(user, AccessScope.Site, Operation.CreateInitiative)).Succeeded) return Results.Forbid();
            if (Invalid(body) is { } problem) return problem;
            var now = clock.GetUtcNow();
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var person = await db.People.OrderBy(p => p.Id).FirstOrDefaultAsync(p => p.UserId == userId)
                ?? db.People.Add(new Person { Name = user.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "", UserId = userId, CreatedAt = now }).Entity;
            var initiative = new Initiative { Title = body.Title.Trim(), SharedChallenge = body.SharedChallenge.Trim(), Description = body.Description?.Trim(), StartDate = body.StartDate ?? DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now };
            initiative.Members.Add(new InitiativeMember { Person = person, Role = InitiativeRole.AnchorPerson, InWorkingGroup = true, AddedAt = now });
            db.Initiatives.Add(initiative);
            await db.SaveChangesAsync();
            db.Append(user, now, initiative.Id, null, TimelineEvents.Event("initiative.created", "initiative.created.api", initiative.Title));
            await db.SaveChangesAsync();
            return Results.Created($"/api/v1/initiatives/{initiative.Id}", new { initiative.Id });
        }).WithName("CreateInitiative");

        writes.MapPost("/initiatives/{id:int}/platforms", async (int id, CreatePlatformRequest body, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth, TimeProvider clock) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.CreatePlatform)).Succeeded) return Results.Forbid();
            if (Invalid(body) is { } problem) return problem;
            var now = clock.GetUtcNow();
            var platform = new DevelopmentPlatform { InitiativeId = id, Name = body.Name.Trim(), FocusArea = body.FocusArea?.Trim(), CreatedAt = now };
            db.Platforms.Add(platform);
            await db.SaveChangesAsync();
            db.Append(user, now, id, platform.Id, TimelineEvents.Event("platform.created", "platform.created.api", platform.Name));
            await db.SaveChangesAsync();
            return Results.Created($"/api/v1/initiatives/{id}/platforms", new { platform.Id });
        }).WithName("CreatePlatform");

        writes.MapPost("/platforms/{id:int}/changes", async (int id, PlatformChangeRequest body, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth, PlatformLifecycle lifecycle) =>
        {
            var platform = await db.Platforms.SingleOrDefaultAsync(p => p.Id == id);
            if (platform is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForPlatform(platform.InitiativeId, id), Operation.ActOnWholeInitiative)).Succeeded) return Results.Forbid();
            if (!Enum.TryParse<ProposalKind>(body.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["Ukendt ændring. Brug Focus, Standby, Resume, Close eller Merge."] });
            }
            var change = new PlatformChange(kind, body.Reason ?? "", body.NewFocus, body.MergeIntoId, body.ExpectedResumeOn);
            if (await lifecycle.CheckAsync(platform, change) is { } message)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["change"] = [message] });
            }
            await lifecycle.ApplyAsync(platform, change, user, byAnchorPerson: true, TimelineEvents.Part("decided.anchor.api"));
            await db.SaveChangesAsync();
            return Results.Ok(new { platform.Id, Status = platform.Status.ToString() });
        }).WithName("ChangePlatform").WithSummary("The anchor person's change to a platform: Focus, Standby, Resume, Close or Merge");
    }

    /// <summary>DataAnnotations on a JSON body, answered as a 400 validation problem in Danish.</summary>
    private static IResult? Invalid(object body)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(body, new ValidationContext(body), results, validateAllProperties: true))
        {
            return null;
        }
        return Results.ValidationProblem(results.GroupBy(r => r.MemberNames.FirstOrDefault() ?? "")
            .ToDictionary(g => g.Key, g => g.Select(r => DanishMessage(r, g.Key)).ToArray()));
    }

    private static string DanishMessage(ValidationResult result, string field) =>
        result.ErrorMessage?.Contains("required", StringComparison.OrdinalIgnoreCase) == true ? $"{field} skal udfyldes." : $"{field} er for lang.";
}
