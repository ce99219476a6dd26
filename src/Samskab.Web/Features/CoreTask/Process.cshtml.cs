using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>A process's front page: where we are among the phases, what to do now, who takes part.</summary>
public class ProcessModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Counts(int Participants, int Questions, int Formulations);

    public CoreTaskHead Head { get; private set; } = null!;
    public Counts Numbers { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<(CoreTaskRole Role, int Count)> ByRole { get; private set; } = [];
    public string? ChosenFormulation { get; private set; }
    /// <summary>What citizens sent through a link that the owners have not reviewed yet.</summary>
    public int WaitingForReview { get; private set; }
    public int OverdueCommitments { get; private set; }
    public IReadOnlyList<(string Idea, DateOnly Deadline, CommitmentStatus Status)> MyCommitments { get; private set; } = [];

    [BindProperty(Name = "fase")] public CoreTaskPhase? NewPhase { get; set; }
    [BindProperty(Name = "version")] public Guid? SeenVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>An owner moves the process to another phase (forward, or back when the group needs to).</summary>
    public async Task<IActionResult> OnPostPhaseAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        if (NewPhase is not CoreTaskPhase phase || !Enum.IsDefined(phase))
        {
            ModelState.AddModelError("fase", l["Vælg en fase."]);
            return Page();
        }
        if (phase == CoreTaskPhase.CitizenCamp && Head.ChosenFormulationId is null)
        {
            ModelState.AddModelError("fase", l["Vælg først en formulering af kerneopgaven: det er den, borgercampen skal arbejde videre med."]);
            return Page();
        }
        var changed = await db.CoreTaskProcesses.Where(p => p.Id == id && p.Version == SeenVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Phase, phase).SetProperty(p => p.Version, Guid.NewGuid()), ct);
        if (changed == 0)
        {
            TempData["Success"] = l["En anden har ændret forløbet imens. Se, hvor forløbet er nu, og prøv igen."].Value;
            return Redirect($"/kerneopgave/{id}");
        }
        TempData["Success"] = l["Forløbet er nu i fasen »{0}«.", CoreTaskRules.Phase(phase, l)].Value;
        return Redirect($"/kerneopgave/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        ByRole = (await db.CoreTaskParticipants.Where(p => p.ProcessId == id).GroupBy(p => p.Role)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
        Numbers = new Counts(ByRole.Sum(r => r.Count),
            await db.OpeningQuestions.CountAsync(q => q.ProcessId == id, ct),
            await db.CoreTaskFormulations.CountAsync(f => f.ProcessId == id, ct));
        // The commitments of "one of us for a day": overdue ones warned about, and those made to the reader shown.
        var today = clock.Today();
        WaitingForReview = Head.CanManage ? await db.CoreTaskMaterials.IgnoreQueryFilters().CountAsync(m => m.ProcessId == id && m.PendingReview && m.RejectedAt == null, ct) : 0;
        OverdueCommitments = await db.CoreTaskCommitments.CountAsync(c => c.ProcessId == id && c.Deadline < today
            && (c.Status == CommitmentStatus.Promised || c.Status == CommitmentStatus.InProgress), ct);
        var me = Head.MeId ?? 0;
        MyCommitments = (await db.CoreTaskCommitments.Where(c => c.ProcessId == id && c.ActorId == me).OrderBy(c => c.Deadline).Take(20)
            .Select(c => new { c.Idea, c.Deadline, c.Status }).ToListAsync(ct)).Select(c => (c.Idea, c.Deadline, c.Status)).ToList();
        if (Head.ChosenFormulationId is int fid)
        {
            ChosenFormulation = await db.FormulationVersions.Where(v => v.FormulationId == fid).OrderByDescending(v => v.Number).Select(v => v.Text).FirstOrDefaultAsync(ct);
        }
        return null;
    }
}
