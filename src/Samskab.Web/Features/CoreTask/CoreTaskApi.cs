using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The 1.0 / 2.0 check as JSON: <c>POST /api/v1/core-task/check</c> with <c>{"text": "..."}</c>. Public and
/// pure (nothing is stored); the messages are in the reader's language.</summary>
public static class CoreTaskApi
{
    public sealed record CheckRequest(string? Text);
    public sealed record Finding(string Rule, string Message, int Start, int Length);
    public sealed record CheckResponse(string Version, IReadOnlyList<Finding> Findings);

    public static void MapCoreTaskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Samskab").DisableAntiforgery().AllowAnonymous();

        api.MapPost("/core-task/check", (CheckRequest? body, IStringLocalizer<SharedResource> l) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Text))
            {
                return Results.Problem(statusCode: 400, title: l["Formuleringen mangler"], detail: l["Send formuleringen som {\"text\": \"...\"}."]);
            }
            if (body.Text.Length > CoreTaskCheck.MaxLength)
            {
                return Results.Problem(statusCode: 400, title: l["Formuleringen er for lang"], detail: l["Formuleringen må højst være 4000 tegn."]);
            }
            var result = CoreTaskCheck.Check(body.Text);
            return Results.Ok(new CheckResponse(result.VersionName,
                result.Findings.Select(f => new Finding(f.Rule, CoreTaskRules.Message(f, l), f.Start, f.Length)).ToList()));
        })
        .WithName("CheckCoreTaskFormulation")
        .WithSummary("The 1.0 / 2.0 check of a core-task formulation (Danish)")
        .Produces<CheckResponse>()
        .ProducesProblem(400);
    }
}

/// <summary>The core-task processes as JSON for their participants (all of them for administrators):
/// <c>GET /api/v1/core-task-processes</c> and <c>GET /api/v1/core-task-processes/{id}</c>.</summary>
public static class CoreTaskProcessesApi
{
    public sealed record ProcessSummary(int Id, string UnitName, int Phase, string PhaseName, string? ChosenQuestion, bool CampPublished, int Participants, int Material, int Insights);
    public sealed record PhaseDto(int Number, string Name, string State);
    public sealed record MethodsDto(int Interviews, int Observations, int Obituaries, int Photos, int BusRides, int Commitments);
    public sealed record ValidationDto(string Participant, string Role, string Verdict, string? Comment, DateTimeOffset At);
    public sealed record InsightDto(int Id, string Title, int Material, int Agree, int Partly, int Disagree, IReadOnlyList<ValidationDto> Validations);
    public sealed record VersionDto(int Number, string Text, DateTimeOffset At, CoreTaskApi.CheckResponse Check);
    public sealed record FormulationDto(int Id, string Perspective, bool Chosen, IReadOnlyList<VersionDto> Versions);
    public sealed record CommitmentDto(string Actor, string Place, string Idea, DateOnly Deadline, string Status, bool Overdue);
    public sealed record ProcessDetail(int Id, string UnitName, string? Description, int Phase, string PhaseName, IReadOnlyList<PhaseDto> Phases, bool BlankCanvas,
        string? ChosenQuestion, IReadOnlyDictionary<string, int> ParticipantsByRole, MethodsDto Methods, IReadOnlyList<InsightDto> Insights,
        IReadOnlyList<FormulationDto> Formulations, IReadOnlyList<CommitmentDto> Commitments, DateTimeOffset? CampPublishedAt, int? CampCampaignId);

    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static void MapCoreTaskProcessesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/core-task-processes", async (System.Security.Claims.ClaimsPrincipal user, Samskab.Web.Infrastructure.Data.AppDbContext db, IStringLocalizer<SharedResource> l) =>
        {
            var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var admin = user.IsInRole(Samskab.Web.Infrastructure.Auth.RoleNames.Administrator);
            var rows = await db.CoreTaskProcesses.Where(p => admin || db.CoreTaskParticipants.Any(x => x.ProcessId == p.Id && x.UserId == userId))
                .OrderBy(p => p.UnitName).ThenBy(p => p.Id)
                .Select(p => new
                {
                    p.Id,
                    p.UnitName,
                    p.Phase,
                    p.CampPublishedAt,
                    Question = db.OpeningQuestions.Where(q => q.Id == p.ChosenQuestionId).Select(q => q.Text).FirstOrDefault(),
                    Participants = db.CoreTaskParticipants.Count(x => x.ProcessId == p.Id),
                    Material = db.CoreTaskMaterials.Count(x => x.ProcessId == p.Id),
                    Insights = db.CoreTaskInsights.Count(x => x.ProcessId == p.Id),
                })
                .ToListAsync();
            return rows.Select(p => new ProcessSummary(p.Id, p.UnitName, (int)p.Phase, CoreTaskRules.Phase(p.Phase, l), p.Question, p.CampPublishedAt is not null, p.Participants, p.Material, p.Insights)).ToList();
        }).WithName("ListCoreTaskProcesses").WithSummary("Core-task processes the caller takes part in (all for administrators)").Produces<List<ProcessSummary>>();

        api.MapGet("/core-task-processes/{id:int}", async (int id, System.Security.Claims.ClaimsPrincipal user, Samskab.Web.Infrastructure.Data.AppDbContext db,
            Microsoft.AspNetCore.Authorization.IAuthorizationService auth, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) =>
        {
            var head = await access.LoadAsync(id, user, CancellationToken.None);
            if (head is null) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, Samskab.Web.Infrastructure.Auth.AccessScope.ForCoreTask(id), Samskab.Web.Infrastructure.Auth.Operation.ViewCoreTaskProcess)).Succeeded) return Results.Forbid();
            var camp = await db.CoreTaskProcesses.Where(p => p.Id == id).Select(p => new { p.CampPublishedAt, p.CampCampaignId }).SingleAsync();
            var byRole = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).GroupBy(p => p.Role).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var kinds = await db.CoreTaskMaterials.Where(m => m.ProcessId == id).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var insights = await db.CoreTaskInsights.Where(i => i.ProcessId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new { i.Id, i.Title, Material = db.CoreTaskMaterials.Count(m => m.ProcessId == id && m.InsightId == i.Id) }).ToListAsync();
            var validations = await db.InsightValidations.Where(v => db.CoreTaskInsights.Any(i => i.Id == v.InsightId && i.ProcessId == id))
                .OrderBy(v => v.At).Select(v => new { v.InsightId, v.Participant!.Name, v.Participant.Role, v.Verdict, v.Comment, v.At }).ToListAsync();
            var formulations = await db.CoreTaskFormulations.Where(f => f.ProcessId == id).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Select(f => new { f.Id, f.Perspective }).ToListAsync();
            var versions = await db.FormulationVersions.Where(v => db.CoreTaskFormulations.Any(f => f.Id == v.FormulationId && f.ProcessId == id))
                .OrderBy(v => v.Number).Select(v => new { v.FormulationId, v.Number, v.Text, v.CreatedAt }).ToListAsync();
            var today = clock.Today();
            var commitments = await db.CoreTaskCommitments.Where(c => c.ProcessId == id).OrderBy(c => c.Deadline)
                .Select(c => new { Actor = c.Actor!.Name, c.Place, c.Idea, c.Deadline, c.Status }).ToListAsync();
            var rides = await db.CoreTaskBusRides.CountAsync(r => r.ProcessId == id);
            int Kind(MaterialKind k) => kinds.FirstOrDefault(x => x.Key == k)?.Count ?? 0;
            CoreTaskApi.CheckResponse Check(string text)
            {
                var result = CoreTaskCheck.Check(text);
                return new CoreTaskApi.CheckResponse(result.VersionName, result.Findings.Select(f => new CoreTaskApi.Finding(f.Rule, CoreTaskRules.Message(f, l), f.Start, f.Length)).ToList());
            }
            return Results.Ok(new ProcessDetail(head.Id, head.UnitName, head.Description, (int)head.Phase, CoreTaskRules.Phase(head.Phase, l),
                CoreTaskRules.Phases.Select(p => new PhaseDto((int)p, CoreTaskRules.Phase(p, l), p < head.Phase ? "done" : p == head.Phase ? "current" : "todo")).ToList(),
                head.BlankCanvas, head.ChosenQuestion,
                byRole.OrderBy(r => r.Key).ToDictionary(r => Name(r.Key), r => r.Count),
                new MethodsDto(Kind(MaterialKind.Interview), Kind(MaterialKind.Observation), Kind(MaterialKind.Obituary), Kind(MaterialKind.Photo), rides, commitments.Count),
                insights.Select(i =>
                {
                    var mine = validations.Where(v => v.InsightId == i.Id).ToList();
                    return new InsightDto(i.Id, i.Title, i.Material, mine.Count(v => v.Verdict == InsightVerdict.Agree), mine.Count(v => v.Verdict == InsightVerdict.Partly), mine.Count(v => v.Verdict == InsightVerdict.Disagree),
                        mine.Select(v => new ValidationDto(v.Name, Name(v.Role), Name(v.Verdict), v.Comment, v.At)).ToList());
                }).ToList(),
                formulations.Select(f => new FormulationDto(f.Id, Name(f.Perspective), f.Id == head.ChosenFormulationId,
                    versions.Where(v => v.FormulationId == f.Id).Select(v => new VersionDto(v.Number, v.Text, v.CreatedAt, Check(v.Text))).ToList())).ToList(),
                commitments.Select(c => new CommitmentDto(c.Actor, c.Place, c.Idea, c.Deadline, Name(c.Status), CoreTaskCommitment.Overdue(c.Deadline, c.Status, today))).ToList(),
                camp.CampPublishedAt, camp.CampCampaignId));
        }).WithName("GetCoreTaskProcess").WithSummary("A core-task process: phases, methods, insights with validation, formulations with versions and check results, commitments")
        .Produces<ProcessDetail>();
    }
}
