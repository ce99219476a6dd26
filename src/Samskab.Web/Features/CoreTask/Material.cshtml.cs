using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Images;

namespace Samskab.Web.Features.CoreTask;

/// <summary>Phase 2's material: interviews with their 5 × why chains, observations, obituaries and photos, each written by a
/// participant and read by everyone in the process.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImagePipeline.MaxBytes + 1_000_000)]
[RequestSizeLimit(ImagePipeline.MaxBytes + 1_000_000)]
public class MaterialModel(AppDbContext db, CoreTaskAccess access, ImagePipeline images, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
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

    public sealed class PhotoInput
    {
        [Required(ErrorMessage = "Skriv, hvad der betyder noget for dig her.")]
        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Billedteksten må højst være 500 tegn.")]
        public string Caption { get; set; } = "";

        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Beskrivelsen af fotografen må højst være 160 tegn.")]
        public string? Subject { get; set; }

        public int? BusStopId { get; set; }

        public IFormFile? File { get; set; }
    }

    public sealed record Row(int Id, MaterialKind Kind, string Text, string? Question, string? Subject, DateOnly? ObservedOn, string? Surprise,
        List<string> WhySteps, string? UnderlyingNeed, string? PhotoKey, string? Stop, string Author, CoreTaskRole Role, DateTimeOffset At);

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
    [BindProperty] public PhotoInput Photo { get; set; } = new();

    /// <summary>The future bus's stops, to place a photo on the way to one.</summary>
    public IReadOnlyList<(int Id, string Name)> Stops { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? stop, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // From a stop of the future bus: the photo form opens with the stop chosen.
        if (stop is int s && Stops.Any(x => x.Id == s))
        {
            Photo.BusStopId = s;
            OpenForm = MaterialKind.Photo;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostInterviewAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Interview, nameof(Interview));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect || Head.MeId is null) return this.Refuse();
        var (steps, need) = CoreTaskRules.CheckWhyChain(Interview.WhySteps, Interview.UnderlyingNeed, ModelState, "Interview", l);
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
            UnderlyingNeed = need,
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

    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Photo, nameof(Photo));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect || Head.MeId is null) return this.Refuse();
        if (Photo.BusStopId is int stop && !Stops.Any(s => s.Id == stop))
        {
            return NotFound();
        }
        if (Photo.File is not { Length: > 0 })
        {
            ModelState.AddModelError("Photo.File", l["Vælg det foto, du vil dele."]);
        }
        string? key = null;
        if (ModelState.IsValid)
        {
            var stored = await images.StoreAsync(Photo.File!, ct);
            if (stored.Problem is not null)
            {
                ModelState.AddModelError("Photo.File", l[stored.Problem]);
            }
            key = stored.Key;
        }
        if (!ModelState.IsValid || key is null)
        {
            OpenForm = MaterialKind.Photo;
            return Page();
        }
        return await SaveAsync(id, new CoreTaskMaterial { Kind = MaterialKind.Photo, PhotoKey = key, Text = Photo.Caption.Trim(), Subject = Blank(Photo.Subject), BusStopId = Photo.BusStopId }, ct);
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
            MaterialKind.Photo => l["Fotoet er gemt i forløbets materiale."],
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
        Stops = await CoreTaskBus.StopNamesAsync(db, id, ct);
        Counts = await db.CoreTaskMaterials.Where(m => m.ProcessId == id).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Material = (await db.CoreTaskMaterials.Where(m => m.ProcessId == id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Shown)
            .Select(m => new { m.Id, m.Kind, m.Text, m.Question, m.Subject, m.ObservedOn, m.Surprise, m.WhySteps, m.UnderlyingNeed, m.PhotoKey, m.BusStopId, Author = m.Author!.Name, m.Author.Role, m.CreatedAt })
            .ToListAsync(ct))
            .Select(m => new Row(m.Id, m.Kind, m.Text, m.Question, m.Subject, m.ObservedOn, m.Surprise, m.WhySteps, m.UnderlyingNeed, m.PhotoKey,
                Stops.Where(s => s.Id == m.BusStopId).Select(s => s.Name).FirstOrDefault(), m.Author, m.Role, m.CreatedAt)).ToList();
        return null;
    }
}
