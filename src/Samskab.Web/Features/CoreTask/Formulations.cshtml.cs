using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>Phase 4: the formulations of the core task, each with its newest version and the check's verdict, and a
/// form that checks a new one before it is saved.</summary>
public class FormulationsModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(int Id, int Number, string Text, CoreTaskPerspective Perspective, string Author, CoreTaskRole Role, DateTimeOffset At)
    {
        public CoreTaskCheckResult Check { get; } = CoreTaskCheck.Check(Text);
    }

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<Row> Formulations { get; private set; } = [];
    public CoreTaskCheckResult? Checked { get; private set; }
    [BindProperty] public FormulationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Checks the text without saving it (the form works without scripts).</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanFormulate) return this.Refuse();
        Input.Validate(ModelState, nameof(Input), l);
        if (ModelState.IsValid) Checked = CoreTaskCheck.Check(Input.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanFormulate || Head.MeId is null) return this.Refuse();
        var answers = Input.Validate(ModelState, nameof(Input), l);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var formulation = new CoreTaskFormulation
        {
            ProcessId = id,
            Perspective = Input.Perspective,
            CreatedById = Head.MeId.Value,
            CreatedAt = now,
            LatestNumber = 1,
            Versions = [new FormulationVersion { Number = 1, Text = Input.Text.Trim(), Answers = answers, AuthorId = Head.MeId.Value, CreatedAt = now }],
        };
        db.CoreTaskFormulations.Add(formulation);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Formuleringen er gemt som version 1."].Value;
        return Redirect($"/kerneopgave/{id}/formuleringer/{formulation.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        Formulations = await db.CoreTaskFormulations.Where(f => f.ProcessId == id).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .SelectMany(f => db.FormulationVersions.Where(v => v.FormulationId == f.Id && v.Number == f.LatestNumber),
                (f, v) => new Row(f.Id, v.Number, v.Text, f.Perspective, v.Author!.Name, v.Author.Role, v.CreatedAt))
            .ToListAsync(ct);
        return null;
    }
}
