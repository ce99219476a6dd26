using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>One formulation: its versions from the first to the newest, each with the check's verdict; a new version
/// written from the newest; and the owners' choice of it as the core task.</summary>
public class FormulationModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record VersionRow(int Number, string Text, IReadOnlyList<string> Answers, string Author, CoreTaskRole Role, DateTimeOffset At)
    {
        public CoreTaskCheckResult Check { get; } = CoreTaskCheck.Check(Text);
    }

    public CoreTaskHead Head { get; private set; } = null!;
    public int FormulationId { get; private set; }
    public CoreTaskPerspective Perspective { get; private set; }
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public VersionRow Latest => Versions[^1];
    public CoreTaskCheckResult? Checked { get; private set; }
    public bool ChooseNeedsConfirmation { get; private set; }

    [BindProperty] public FormulationInput Input { get; set; } = new();
    [BindProperty(Name = "bekraeft")] public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int fid, CancellationToken ct)
    {
        if (await LoadAsync(id, fid, ct) is { } refused) return refused;
        Input = new FormulationInput { Text = Latest.Text, Perspective = Perspective, Answers = [.. Latest.Answers], BasedOn = Latest.Number };
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, int fid, CancellationToken ct)
    {
        if (await LoadAsync(id, fid, ct) is { } refused) return refused;
        if (!Head.CanFormulate) return this.Refuse();
        Input.Validate(ModelState, nameof(Input), l);
        if (ModelState.IsValid) Checked = CoreTaskCheck.Check(Input.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int fid, CancellationToken ct)
    {
        if (await LoadAsync(id, fid, ct) is { } refused) return refused;
        if (!Head.CanFormulate || Head.MeId is null) return this.Refuse();
        var answers = Input.Validate(ModelState, nameof(Input), l);
        var text = (Input.Text ?? "").Trim();
        if (ModelState.IsValid && Input.BasedOn != Latest.Number)
        {
            // Someone saved a version while this one was written: keep the writer's text, show them the newest.
            ModelState.AddModelError("Input.Text", l["Der er gemt en nyere version (version {0}), mens du skrev. Din tekst står stadig i feltet: sammenlign med den nyeste, og gem igen.", Latest.Number]);
            Input.BasedOn = Latest.Number;
        }
        if (ModelState.IsValid && text == Latest.Text && answers.SequenceEqual(Latest.Answers) && Input.Perspective == Perspective)
        {
            ModelState.AddModelError("Input.Text", l["Formuleringen er den samme som den nyeste version. Ret den, før du gemmer en ny version."]);
        }
        if (ModelState.IsValid && Latest.Number >= CoreTaskRules.MaxVersions)
        {
            ModelState.AddModelError("Input.Text", l["En formulering kan højst have {0} versioner. Skriv en ny formulering i stedet.", CoreTaskRules.MaxVersions]);
        }
        if (!ModelState.IsValid) return Page();
        var number = Latest.Number + 1;
        db.FormulationVersions.Add(new FormulationVersion { FormulationId = fid, Number = number, Text = text, Answers = answers, AuthorId = Head.MeId.Value, CreatedAt = clock.GetUtcNow() });
        var formulation = await db.CoreTaskFormulations.SingleAsync(f => f.Id == fid, ct);
        formulation.LatestNumber = number;
        formulation.Perspective = Input.Perspective;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same number saved by another at the same moment (the unique index): nothing of the text is lost.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Text", l["Der er gemt en nyere version (version {0}), mens du skrev. Din tekst står stadig i feltet: sammenlign med den nyeste, og gem igen.", number]);
            await LoadAsync(id, fid, ct);
            Input.BasedOn = Latest.Number;
            return Page();
        }
        TempData["Success"] = l["Version {0} er gemt.", number].Value;
        return Redirect($"/kerneopgave/{id}/formuleringer/{fid}");
    }

    /// <summary>The owners choose this formulation as the core task. The check advises and never blocks, but choosing
    /// a formulation the check finds to be 1.0 asks for a tick first.</summary>
    public async Task<IActionResult> OnPostChooseAsync(int id, int fid, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, fid, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        if (Latest.Check.Version != CoreTaskVersion.Version2 && !Confirmed)
        {
            ChooseNeedsConfirmation = true;
            ModelState.AddModelError("bekraeft", l["Tjekket finder ikke, at formuleringen er version 2.0. Sæt kryds, hvis I vil vælge den alligevel."]);
            Input = new FormulationInput { Text = Latest.Text, Perspective = Perspective, Answers = [.. Latest.Answers], BasedOn = Latest.Number };
            return Page();
        }
        await db.CoreTaskProcesses.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ChosenFormulationId, fid).SetProperty(p => p.Version, Guid.NewGuid()), ct);
        TempData["Success"] = l["Formuleringen er valgt som kerneopgaven."].Value;
        return Redirect($"/kerneopgave/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, int fid, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        // A formulation of another process is not found here.
        var perspective = await db.CoreTaskFormulations.Where(f => f.Id == fid && f.ProcessId == id).Select(f => (CoreTaskPerspective?)f.Perspective).SingleOrDefaultAsync(ct);
        if (perspective is null) return NotFound();
        FormulationId = fid;
        Perspective = perspective.Value;
        Versions = (await db.FormulationVersions.Where(v => v.FormulationId == fid).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.Text, v.Answers, Author = v.Author!.Name, v.Author.Role, v.CreatedAt }).ToListAsync(ct))
            .Select(v => new VersionRow(v.Number, v.Text, v.Answers, v.Author, v.Role, v.CreatedAt)).ToList();
        return null;
    }
}
