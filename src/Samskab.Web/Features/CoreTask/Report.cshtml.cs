using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.CoreTask;

/// <summary>
/// The record of a process: a printable report (the question, the methods used and their numbers, the insights with
/// their validation, the formulations from 1.0 to the chosen one with the check's findings, the commitments) and an
/// XLSX workbook of all its data.
/// </summary>
public class ReportModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record InsightRow(int Id, string Title, int Material, int Agree, int Partly, int Disagree, int Comments);

    public sealed record VersionRow(int FormulationId, int Number, string Text, DateTimeOffset At, CoreTaskCheckResult Check);

    public sealed record FormulationRow(int Id, CoreTaskPerspective Perspective, bool Chosen, IReadOnlyList<VersionRow> Versions);

    public sealed record CommitmentRow(string Actor, string Place, string Idea, DateOnly Deadline, CommitmentStatus Status, bool Overdue);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<(CoreTaskRole Role, int Count)> ByRole { get; private set; } = [];
    public IReadOnlyDictionary<MaterialKind, int> Material { get; private set; } = new Dictionary<MaterialKind, int>();
    public int Questions { get; private set; }
    public IReadOnlyList<InsightRow> Insights { get; private set; } = [];
    public IReadOnlyList<FormulationRow> Formulations { get; private set; } = [];
    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>Enough for any real process; the export has them all.</summary>
    public const int Limit = 500;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return Page();
    }

    /// <summary>Every piece of the process's data, one sheet each.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        string D(DateTimeOffset t) => t.ToDanish().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var people = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Role, p.IsOwner, p.AddedAt }).ToListAsync(ct);
        var questions = await db.OpeningQuestions.Where(q => q.ProcessId == id).OrderBy(q => q.CreatedAt).Select(q => new { q.Id, q.Text, By = q.ProposedBy!.Name, q.CreatedAt }).ToListAsync(ct);
        var material = await db.CoreTaskMaterials.Where(m => m.ProcessId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Subject, m.Question, m.Text, m.WhySteps, m.UnderlyingNeed, m.ObservedOn, m.Surprise, m.InsightId, By = m.Author!.Name, m.CreatedAt }).ToListAsync(ct);
        var insights = await db.CoreTaskInsights.Where(i => i.ProcessId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => new { i.Id, i.Title, i.CreatedAt }).ToListAsync(ct);
        var validations = await db.InsightValidations.Where(v => db.CoreTaskInsights.Any(i => i.Id == v.InsightId && i.ProcessId == id))
            .OrderBy(v => v.InsightId).ThenBy(v => v.At).Select(v => new { v.InsightId, v.Participant!.Name, v.Participant.Role, v.Verdict, v.Comment, v.At }).ToListAsync(ct);
        var versions = await db.FormulationVersions.Where(v => db.CoreTaskFormulations.Any(f => f.Id == v.FormulationId && f.ProcessId == id))
            .OrderBy(v => v.FormulationId).ThenBy(v => v.Number).Select(v => new { v.FormulationId, v.Number, v.Text, By = v.Author!.Name, v.CreatedAt }).ToListAsync(ct);
        var commitments = await db.CoreTaskCommitments.Where(c => c.ProcessId == id).OrderBy(c => c.Deadline)
            .Select(c => new { Actor = c.Actor!.Name, c.Place, c.Idea, c.Deadline, c.Status, c.StatusNote }).ToListAsync(ct);
        IReadOnlyList<string> H(params string[] names) => names.Select(n => (string)l[n]).ToList();
        var book = TableExport.XlsxWorkbook(
        [
            (l["Deltagere"], H("Id", "Navn", "Rolle", "Ejer", "Tilføjet"),
                people.Select(p => (IReadOnlyList<string?>)[$"{p.Id}", p.Name, CoreTaskRules.Role(p.Role, l), p.IsOwner ? l["Ja"] : l["Nej"], D(p.AddedAt)])),
            (l["Indledende spørgsmål"], H("Id", "Spørgsmål", "Foreslået af", "Tidspunkt", "Valgt"),
                questions.Select(q => (IReadOnlyList<string?>)[$"{q.Id}", q.Text, q.By, D(q.CreatedAt), q.Id == head!.ChosenQuestionId ? l["Ja"] : l["Nej"]])),
            (l["Materiale"], H("Id", "Art", "Hvem eller hvor", "Spørgsmål", "Tekst", "Hvorfor-kæden", "Det underliggende behov", "Dato", "Det overraskede", "Indsigt", "Skrevet af", "Tidspunkt"),
                material.Select(m => (IReadOnlyList<string?>)[$"{m.Id}", CoreTaskRules.Kind(m.Kind, l), m.Subject, m.Question, m.Text, string.Join(" → ", m.WhySteps), m.UnderlyingNeed, Day(m.ObservedOn), m.Surprise,
                    insights.FirstOrDefault(i => i.Id == m.InsightId)?.Title, m.By, D(m.CreatedAt)])),
            (l["Indsigter"], H("Id", "Indsigt", "Materiale", "Enig", "Delvis enig", "Uenig"),
                insights.Select(i => (IReadOnlyList<string?>)[$"{i.Id}", i.Title, $"{material.Count(m => m.InsightId == i.Id)}",
                    $"{validations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Agree)}", $"{validations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Partly)}",
                    $"{validations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Disagree)}"])),
            (l["Validering"], H("Indsigt", "Deltager", "Rolle", "Svar", "Kommentar", "Tidspunkt"),
                validations.Where(v => insights.Any(i => i.Id == v.InsightId)).Select(v => (IReadOnlyList<string?>)[insights.First(i => i.Id == v.InsightId).Title, v.Name, CoreTaskRules.Role(v.Role, l), CoreTaskRules.Verdict(v.Verdict, l), v.Comment, D(v.At)])),
            (l["Formuleringer"], H("Formulering", "Version", "Tekst", "Tjekket", "Skrevet af", "Tidspunkt", "Valgt"),
                versions.Select(v => (IReadOnlyList<string?>)[$"{v.FormulationId}", $"{v.Number}", v.Text, CoreTaskRules.Version(CoreTaskCheck.Check(v.Text).Version, l), v.By, D(v.CreatedAt), v.FormulationId == head!.ChosenFormulationId ? l["Ja"] : l["Nej"]])),
            (l["Tilsagn"], H("Deltager", "Hvor", "Idé", "Frist", "Status", "Bemærkning"),
                commitments.Select(c => (IReadOnlyList<string?>)[c.Actor, c.Place, c.Idea, Day(c.Deadline), CoreTaskRules.Status(c.Status, l), c.StatusNote])),
        ]);
        return File(book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"kerneopgaveforloeb-{id}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        Now = clock.GetUtcNow();
        var today = clock.Today();
        ByRole = (await db.CoreTaskParticipants.Where(p => p.ProcessId == id).GroupBy(p => p.Role).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
        Material = await db.CoreTaskMaterials.Where(m => m.ProcessId == id).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Questions = await db.OpeningQuestions.CountAsync(q => q.ProcessId == id, ct);
        Insights = await db.CoreTaskInsights.Where(i => i.ProcessId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Take(Limit)
            .Select(i => new InsightRow(i.Id, i.Title,
                db.CoreTaskMaterials.Count(m => m.ProcessId == id && m.InsightId == i.Id),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Agree),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Partly),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Disagree),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Comment != null)))
            .ToListAsync(ct);
        // The chosen formulation with every version (1.0 → 2.0); the others with their newest version only.
        var chosen = Head.ChosenFormulationId ?? 0;
        var formulations = await db.CoreTaskFormulations.Where(f => f.ProcessId == id).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Take(Limit)
            .Select(f => new { f.Id, f.Perspective, f.LatestNumber }).ToListAsync(ct);
        var versions = await db.FormulationVersions
            .Where(v => db.CoreTaskFormulations.Any(f => f.Id == v.FormulationId && f.ProcessId == id && (f.Id == chosen || f.LatestNumber == v.Number)))
            .OrderBy(v => v.Number).Select(v => new { v.FormulationId, v.Number, v.Text, v.CreatedAt }).ToListAsync(ct);
        Formulations = formulations
            .Select(f => new FormulationRow(f.Id, f.Perspective, f.Id == chosen,
                versions.Where(v => v.FormulationId == f.Id).Select(v => new VersionRow(v.FormulationId, v.Number, v.Text, v.CreatedAt, CoreTaskCheck.Check(v.Text))).ToList()))
            .OrderByDescending(f => f.Chosen).ToList();
        Commitments = (await db.CoreTaskCommitments.Where(c => c.ProcessId == id).OrderBy(c => c.Deadline).Take(Limit)
            .Select(c => new { c.Actor!.Name, c.Place, c.Idea, c.Deadline, c.Status }).ToListAsync(ct))
            .Select(c => new CommitmentRow(c.Name, c.Place, c.Idea, c.Deadline, c.Status, CoreTaskCommitment.Overdue(c.Deadline, c.Status, today))).ToList();
        return null;
    }
}
