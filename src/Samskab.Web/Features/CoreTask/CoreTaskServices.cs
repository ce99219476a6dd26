using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

public static class CoreTaskRegistration
{
    /// <summary>Defining the core task with citizens: processes, their phases, opening questions and formulations.</summary>
    public static IServiceCollection AddCoreTask(this IServiceCollection services)
    {
        services.AddScoped<CoreTaskAccess>();
        services.AddSingleton<CoreTaskCodeGuard>();
        services.AddSingleton<CoreTaskGuestCookie>();
        return services;
    }
}

/// <summary>The head of a process as every page of it shows it, and what the reader may do there.</summary>
public sealed record CoreTaskHead(int Id, string UnitName, string? Description, CoreTaskPhase Phase, bool BlankCanvas, int? ChosenQuestionId, string? ChosenQuestion,
    int? ChosenFormulationId, string? InitiativeName, int? InitiativeId, Guid Version)
{
    public int? MeId { get; init; }
    public bool CanManage { get; init; }
    public bool CanPropose { get; init; }
    public bool CanFormulate { get; init; }
}

/// <summary>Loads a process's head and the reader's place in it, refusing those who may not see it.</summary>
public sealed class CoreTaskAccess(AppDbContext db, IAuthorizationService auth)
{
    public async Task<CoreTaskHead?> LoadAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var head = await db.CoreTaskProcesses.Where(p => p.Id == id)
            .Select(p => new CoreTaskHead(p.Id, p.UnitName, p.Description, p.Phase, p.BlankCanvas, p.ChosenQuestionId,
                db.OpeningQuestions.Where(q => q.Id == p.ChosenQuestionId).Select(q => q.Text).FirstOrDefault(),
                p.ChosenFormulationId,
                db.Initiatives.Where(i => i.Id == p.InitiativeId).Select(i => i.Title).FirstOrDefault(), p.InitiativeId, p.Version))
            .SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var meId = userId is null ? null : await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var scope = AccessScope.ForCoreTask(id);
        return head with
        {
            MeId = meId,
            CanManage = await Can(user, scope, Operation.ManageCoreTaskProcess),
            CanPropose = await Can(user, scope, Operation.ProposeOpeningQuestion),
            CanFormulate = await Can(user, scope, Operation.WriteCoreTaskFormulation),
        };
    }

    /// <summary>A page of a process: its head, or 404 for no such process and a refusal for those who may not see it.</summary>
    public async Task<(CoreTaskHead? Head, IActionResult? Refused)> OpenAsync(PageModel page, int id, CancellationToken ct)
    {
        var head = await LoadAsync(id, page.User, ct);
        if (head is null) return (null, page.NotFound());
        return await Can(page.User, AccessScope.ForCoreTask(id), Operation.ViewCoreTaskProcess) ? (head, null) : (null, page.Refuse());
    }

    private async Task<bool> Can(ClaimsPrincipal user, AccessScope scope, Operation operation) =>
        (await auth.AuthorizeAsync(user, scope, operation)).Succeeded;
}
