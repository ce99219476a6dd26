using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.CoreTask;

/// <summary>
/// "One of us for a day": after an actor has spent a day in the organisation, the unit's leader (an owner of the
/// process) commits to realise one of their ideas by a deadline, and keeps its status. Everyone in the process sees
/// the commitments, the actor sees those made to them, and overdue ones are flagged here and on the overview.
/// </summary>
public class CommitmentsModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NewInput
    {
        public int? ActorId { get; set; }
        public string? Place { get; set; }
        public string? Idea { get; set; }
        public DateOnly? Deadline { get; set; }
    }

    public sealed class StatusInput
    {
        public int CommitmentId { get; set; }
        public CommitmentStatus? Status { get; set; }
        public string? Note { get; set; }
    }

    public sealed record Row(int Id, string Actor, CoreTaskRole Role, bool ToMe, string Place, string Idea, DateOnly Deadline, CommitmentStatus Status, string? Note, DateTimeOffset UpdatedAt, bool Overdue);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, CoreTaskRole Role)> People { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public const int Limit = 200;

    [BindProperty] public NewInput New { get; set; } = new();
    [BindProperty] public StatusInput Change { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        // Binding errors stay (a date that is not a date keeps what was typed, with the binder's message).
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("New.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage || Head.MeId is not int me) return this.Refuse();
        var place = New.Place?.Trim() ?? "";
        var idea = New.Idea?.Trim() ?? "";
        if (New.ActorId is not int actor || People.All(p => p.Id != actor))
        {
            ModelState.Remove("New.ActorId");
            ModelState.AddModelError("New.ActorId", l["Vælg den deltager, der var en af jer for en dag."]);
        }
        if (place.Length == 0)
        {
            ModelState.AddModelError("New.Place", l["Skriv, hvor dagen blev tilbragt."]);
        }
        else if (place.Length > CoreTaskRules.NameLength)
        {
            ModelState.AddModelError("New.Place", l["Stedet må højst være 160 tegn."]);
        }
        if (idea.Length == 0)
        {
            ModelState.AddModelError("New.Idea", l["Skriv den idé, I forpligter jer til at føre ud i livet."]);
        }
        else if (idea.Length > CoreTaskRules.CommentLength)
        {
            ModelState.AddModelError("New.Idea", l["Idéen må højst være 2000 tegn."]);
        }
        if (ModelState.TryGetValue("New.Deadline", out var bound) && bound.Errors.Count > 0)
        {
            // The binder has said it: not a date.
        }
        else if (New.Deadline is not DateOnly deadline)
        {
            ModelState.AddModelError("New.Deadline", l["Et tilsagn skal have en frist: skriv, hvornår idéen er ført ud i livet."]);
        }
        else if (deadline < Today || deadline > Today.AddYears(2))
        {
            ModelState.AddModelError("New.Deadline", l["Fristen skal ligge mellem i dag og om to år."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var row = new CoreTaskCommitment { ProcessId = id, ActorId = New.ActorId!.Value, Place = place, Idea = idea, Deadline = New.Deadline!.Value, CreatedById = me, CreatedAt = now, UpdatedAt = now };
        db.CoreTaskCommitments.Add(row);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Tilsagnet er givet med frist {0}.", row.Deadline.ToText("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect($"/kerneopgave/{id}/tilsagn#c-{row.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        var row = Rows.FirstOrDefault(r => r.Id == Change.CommitmentId);
        if (row is null) return NotFound();
        var note = Change.Note?.Trim() ?? "";
        if (Change.Status is not CommitmentStatus status || !Enum.IsDefined(status))
        {
            ModelState.AddModelError($"status-{row.Id}", l["Vælg, hvor tilsagnet står."]);
        }
        else if (status == CommitmentStatus.Dropped && note.Length == 0)
        {
            ModelState.AddModelError($"status-{row.Id}", l["Skriv, hvorfor tilsagnet er opgivet: deltageren skal kunne se det."]);
        }
        if (note.Length > CoreTaskRules.CommentLength)
        {
            ModelState.AddModelError($"status-{row.Id}", l["Bemærkningen må højst være 2000 tegn."]);
        }
        if (!ModelState.IsValid) return Page();
        await db.CoreTaskCommitments.Where(c => c.Id == row.Id && c.ProcessId == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, Change.Status!.Value)
            .SetProperty(c => c.StatusNote, note.Length == 0 ? null : note)
            .SetProperty(c => c.UpdatedAt, clock.GetUtcNow()), ct);
        TempData["Success"] = l["Tilsagnet står nu som »{0}«.", CoreTaskRules.Status(Change.Status!.Value, l)].Value;
        return Redirect($"/kerneopgave/{id}/tilsagn#c-{row.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        Today = clock.Today();
        var me = Head.MeId ?? 0;
        var today = Today;
        Rows = (await db.CoreTaskCommitments.Where(c => c.ProcessId == id).OrderBy(c => c.Deadline).ThenBy(c => c.Id).Take(Limit)
            .Select(c => new { c.Id, c.Actor!.Name, c.Actor.Role, ToMe = c.ActorId == me, c.Place, c.Idea, c.Deadline, c.Status, c.StatusNote, c.UpdatedAt })
            .ToListAsync(ct))
            .Select(c => new Row(c.Id, c.Name, c.Role, c.ToMe, c.Place, c.Idea, c.Deadline, c.Status, c.StatusNote, c.UpdatedAt,
                CoreTaskCommitment.Overdue(c.Deadline, c.Status, today)))
            .ToList();
        People = Head.CanManage
            ? (await db.CoreTaskParticipants.Where(p => p.ProcessId == id).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Role }).ToListAsync(ct))
                .Select(p => (p.Id, p.Name, p.Role)).ToList()
            : [];
        return null;
    }
}
