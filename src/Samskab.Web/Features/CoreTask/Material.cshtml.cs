using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>Phase 2's material: interviews with their 5 × why chains, observations and obituaries, each written by a
/// participant and read by everyone in the process.</summary>
public class MaterialModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InterviewInput
    {
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Beskrivelsen af den interviewede må højst være 160 tegn.")]
        public string? Subject { get; set; }

        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Spørgsmålet må højst være 500 tegn.")]
        public string? Question { get; set; }

        [Required(ErrorMessage = "Skriv svaret.")]
        [StringLength(CoreTaskRules.MaterialLength, ErrorMessage = "Svaret må højst være 4000 tegn.")]
        public string Text { get; set; } = "";

        public List<string?> WhySteps { get; set; } = [];

        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Det underliggende behov må højst være 500 tegn.")]
        public string? UnderlyingNeed { get; set; }
    }

    public sealed class ObservationInput
    {
        [Required(ErrorMessage = "Skriv, hvor du observerede.")]
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Stedet må højst være 160 tegn.")]
        public string Subject { get; set; } = "";

        public DateOnly? ObservedOn { get; set; }

        [Required(ErrorMessage = "Skriv, hvad du så.")]
        [StringLength(CoreTaskRules.MaterialLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string Text { get; set; } = "";

        [StringLength(CoreTaskRules.CommentLength, ErrorMessage = "Det, der overraskede, må højst være 2000 tegn.")]
        public string? Surprise { get; set; }
    }

    public sealed class ObituaryInput
    {
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Beskrivelsen af skribenten må højst være 160 tegn.")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Skriv, hvad der ville blive savnet.")]
        [StringLength(CoreTaskRules.MaterialLength, ErrorMessage = "Nekrologen må højst være 4000 tegn.")]
        public string Text { get; set; } = "";
    }

    public sealed record Row(int Id, MaterialKind Kind, string Text, string? Question, string? Subject, DateOnly? ObservedOn, string? Surprise,
        List<string> WhySteps, string? UnderlyingNeed, string Author, CoreTaskRole Role, DateTimeOffset At);

    public CoreTaskHead Head { get; private set; } = null!;
    public bool CanCollect { get; private set; }
    public IReadOnlyList<Row> Material { get; private set; } = [];
    public MaterialKind? OpenForm { get; private set; }
    public IReadOnlyDictionary<MaterialKind, int> Counts { get; private set; } = new Dictionary<MaterialKind, int>();

    /// <summary>The newest shown on the page; the insights board (next) works on all of it.</summary>
    public const int Shown = 100;

    [BindProperty] public InterviewInput Interview { get; set; } = new();
    [BindProperty] public ObservationInput Observation { get; set; } = new();
    [BindProperty] public ObituaryInput Obituary { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostInterviewAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Interview, nameof(Interview));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect || Head.MeId is null) return this.Refuse();
        var steps = Interview.WhySteps.Select(s => s?.Trim() ?? "").ToList();
        while (steps.Count > 0 && steps[^1].Length == 0) steps.RemoveAt(steps.Count - 1);
        if (steps.Count > CoreTaskRules.MaxWhySteps)
        {
            ModelState.AddModelError("Interview.WhySteps", l["En hvorfor-kæde har højst fem led: spørg »hvorfor?« op til fem gange."]);
        }
        else if (steps.Any(s => s.Length == 0))
        {
            ModelState.AddModelError("Interview.WhySteps", l["Udfyld hvorfor-kæden fra oven uden huller: hvert »hvorfor?« bygger på svaret før."]);
        }
        if (steps.Any(s => s.Length > CoreTaskRules.AnswerLength))
        {
            ModelState.AddModelError("Interview.WhySteps", l["Et led i hvorfor-kæden må højst være 2000 tegn."]);
        }
        var need = Interview.UnderlyingNeed?.Trim();
        if (steps.Count > 0 && string.IsNullOrEmpty(need))
        {
            ModelState.AddModelError("Interview.UnderlyingNeed", l["Skriv det underliggende behov, som hvorfor-kæden ender i."]);
        }
        if (!ModelState.IsValid)
        {
            OpenForm = MaterialKind.Interview;
            return Page();
        }
        return await SaveAsync(id, new CoreTaskMaterial
        {
            Kind = MaterialKind.Interview,
            Subject = Blank(Interview.Subject),
            Question = Blank(Interview.Question),
            Text = Interview.Text.Trim(),
            WhySteps = steps,
            UnderlyingNeed = string.IsNullOrEmpty(need) ? null : need,
        }, ct);
    }

    public async Task<IActionResult> OnPostObservationAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Observation, nameof(Observation));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect || Head.MeId is null) return this.Refuse();
        if (Observation.ObservedOn is DateOnly on && on > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
        {
            ModelState.AddModelError("Observation.ObservedOn", l["En observation kan ikke ligge ude i fremtiden."]);
        }
        if (!ModelState.IsValid)
        {
            OpenForm = MaterialKind.Observation;
            return Page();
        }
        return await SaveAsync(id, new CoreTaskMaterial
        {
            Kind = MaterialKind.Observation,
            Subject = Observation.Subject.Trim(),
            ObservedOn = Observation.ObservedOn,
            Text = Observation.Text.Trim(),
            Surprise = Blank(Observation.Surprise),
        }, ct);
    }

    public async Task<IActionResult> OnPostObituaryAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Obituary, nameof(Obituary));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect || Head.MeId is null) return this.Refuse();
        if (!ModelState.IsValid)
        {
            OpenForm = MaterialKind.Obituary;
            return Page();
        }
        return await SaveAsync(id, new CoreTaskMaterial { Kind = MaterialKind.Obituary, Subject = Blank(Obituary.Subject), Text = Obituary.Text.Trim() }, ct);
    }

    private async Task<IActionResult> SaveAsync(int id, CoreTaskMaterial material, CancellationToken ct)
    {
        material.ProcessId = id;
        material.AuthorId = Head.MeId!.Value;
        material.CreatedAt = clock.GetUtcNow();
        db.CoreTaskMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = (material.Kind switch
        {
            MaterialKind.Interview => l["Interviewet er gemt i forløbets materiale."],
            MaterialKind.Observation => l["Observationen er gemt i forløbets materiale."],
            _ => l["Nekrologen er gemt i forløbets materiale."],
        }).Value;
        return Redirect($"/kerneopgave/{id}/materiale#m-{material.Id}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        CanCollect = await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.CollectCoreTaskMaterial);
        Counts = await db.CoreTaskMaterials.Where(m => m.ProcessId == id).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Material = (await db.CoreTaskMaterials.Where(m => m.ProcessId == id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Shown)
            .Select(m => new { m.Id, m.Kind, m.Text, m.Question, m.Subject, m.ObservedOn, m.Surprise, m.WhySteps, m.UnderlyingNeed, Author = m.Author!.Name, m.Author.Role, m.CreatedAt })
            .ToListAsync(ct))
            .Select(m => new Row(m.Id, m.Kind, m.Text, m.Question, m.Subject, m.ObservedOn, m.Surprise, m.WhySteps, m.UnderlyingNeed, m.Author, m.Role, m.CreatedAt)).ToList();
        return null;
    }
}
