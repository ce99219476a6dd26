using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Localization;

namespace Samskab.Web.Features.CoreTask;

/// <summary>
/// Phase 3's affinity board: the material is sorted into named groups, the insights. Every move is a plain form (tick
/// the pieces, choose the insight, "Flyt"), so it works by keyboard and without scripts; dragging a card onto a group
/// submits the same form.
/// </summary>
public class InsightsModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class MoveInput
    {
        public List<int> MaterialIds { get; set; } = [];

        /// <summary>The insight to move to; 0 puts the pieces back among the unsorted.</summary>
        public int? Target { get; set; }
        public string? NewTitle { get; set; }
    }

    public sealed class MergeInput
    {
        public int? From { get; set; }
        public int? Into { get; set; }
    }

    public sealed class RenameInput
    {
        public int InsightId { get; set; }
        public string? Title { get; set; }
    }

    public sealed record Note(int Id, MaterialKind Kind, string Excerpt, string? Subject, int? InsightId);

    public sealed record Group(int Id, string Title, int Count, int Agree, int Partly, int Disagree)
    {
        public int Answers => Agree + Partly + Disagree;
    }

    public CoreTaskHead Head { get; private set; } = null!;
    public bool CanArrange { get; private set; }
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>The page of insights shown in the column (all of them stay in the "move to" and merge lists): a board
    /// with 200 insights was a megabyte of HTML.</summary>
    public IReadOnlyList<Group> ShownGroups { get; private set; } = [];
    public int GroupPage { get; private set; } = 1;
    public int GroupPages { get; private set; } = 1;
    public ILookup<int, Note> NotesByGroup { get; private set; } = Array.Empty<Note>().ToLookup(n => 0);
    public IReadOnlyList<Note> Unsorted { get; private set; } = [];
    public int UnsortedCount { get; private set; }
    public int Participants { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int? Expanded { get; private set; }

    /// <summary>Pieces shown in each group; the group's own view (?gruppe=) shows them all.</summary>
    public const int PerGroup = 3;
    public const int UnsortedPerPage = 50;
    public const int GroupsPerPage = 25;
    public const int ExpandedLimit = 500;
    public const int MaxInsights = 500;
    private const int ExcerptLength = 200;

    [BindProperty] public MoveInput Move { get; set; } = new();
    [BindProperty] public MergeInput Merge { get; set; } = new();
    [BindProperty] public RenameInput Rename { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? side, int? gruppe, int? indsigter, CancellationToken ct) => await LoadAsync(id, side, gruppe, ct, indsigter) ?? Page();

    /// <summary>Moves the ticked pieces to an insight, or back among the unsorted.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int? side, int? gruppe, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, gruppe, ct) is { } refused) return refused;
        if (!CanArrange) return this.Refuse();
        var pieces = await PiecesAsync(id, ct);
        if (pieces is null) return Page();
        if (Move.Target is null)
        {
            ModelState.AddModelError("Move_Target", l["Vælg den indsigt, materialet skal flyttes til."]);
            return Page();
        }
        int? target = Move.Target == 0 ? null : Move.Target;
        if (target is not null && !Groups.Any(g => g.Id == target))
        {
            // An insight of another process (or none): not found here.
            return NotFound();
        }
        await db.CoreTaskMaterials.Where(m => m.ProcessId == id && pieces.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.InsightId, target), ct);
        TempData["Success"] = (target is null
            ? l.Plural(pieces.Count, "Et stykke materiale er lagt tilbage blandt det usorterede.", "{0} stykker materiale er lagt tilbage blandt det usorterede.")
            : l.Plural(pieces.Count, "Et stykke materiale er flyttet til »{1}«.", "{0} stykker materiale er flyttet til »{1}«.", Groups.First(g => g.Id == target).Title)).Value;
        return Back(id, side, target ?? gruppe);
    }

    /// <summary>A new insight, named, with the ticked pieces in it (or empty, to fill later).</summary>
    public async Task<IActionResult> OnPostNewAsync(int id, int? side, int? gruppe, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, gruppe, ct) is { } refused) return refused;
        if (!CanArrange || Head.MeId is null) return this.Refuse();
        var title = Move.NewTitle?.Trim() ?? "";
        if (TitleError(title) is { } error)
        {
            ModelState.AddModelError("Move_NewTitle", error);
            return Page();
        }
        if (Groups.Count >= MaxInsights)
        {
            ModelState.AddModelError("Move_NewTitle", l["Forløbet har allerede {0} indsigter. Slå nogle sammen, før I opretter flere.", MaxInsights]);
            return Page();
        }
        List<int> pieces = [];
        if (Move.MaterialIds.Count > 0)
        {
            if (await PiecesAsync(id, ct) is not { } found) return Page();
            pieces = found;
        }
        var insight = new CoreTaskInsight { ProcessId = id, Title = title, CreatedById = Head.MeId.Value, CreatedAt = clock.GetUtcNow() };
        db.CoreTaskInsights.Add(insight);
        await db.SaveChangesAsync(ct);
        if (pieces.Count > 0)
        {
            await db.CoreTaskMaterials.Where(m => m.ProcessId == id && pieces.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.InsightId, insight.Id), ct);
        }
        TempData["Success"] = (pieces.Count == 0
            ? l["Indsigten »{0}« er oprettet. Flyt materiale ind i den.", title]
            : l.Plural(pieces.Count, "Indsigten »{1}« er oprettet med et stykke materiale.", "Indsigten »{1}« er oprettet med {0} stykker materiale.", title)).Value;
        return Back(id, side, insight.Id);
    }

    /// <summary>Two groups become one: the first's material moves into the second, and the first leaves the board. Its
    /// validations were about a different group: they are kept with it as history and no longer counted.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int? side, int? gruppe, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, gruppe, ct) is { } refused) return refused;
        if (!CanArrange) return this.Refuse();
        if (Merge.From is null || Merge.Into is null || Merge.From == Merge.Into)
        {
            ModelState.AddModelError("Merge_From", l["Vælg to forskellige indsigter: den, der skal slås sammen, og den, den skal slås sammen med."]);
            return Page();
        }
        var from = Groups.FirstOrDefault(g => g.Id == Merge.From);
        var into = Groups.FirstOrDefault(g => g.Id == Merge.Into);
        if (from is null || into is null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CoreTaskMaterials.Where(m => m.ProcessId == id && m.InsightId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.InsightId, into.Id), ct);
        await db.CoreTaskInsights.Where(i => i.ProcessId == id && i.Id == from.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RemovedAt, clock.GetUtcNow()).SetProperty(i => i.MergedIntoId, into.Id), ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = l["»{0}« er slået sammen med »{1}«.", from.Title, into.Title].Value;
        return Back(id, side, into.Id);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, int? side, int? gruppe, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, gruppe, ct) is { } refused) return refused;
        if (!CanArrange) return this.Refuse();
        if (!Groups.Any(g => g.Id == Rename.InsightId)) return NotFound();
        var title = Rename.Title?.Trim() ?? "";
        if (TitleError(title) is { } error)
        {
            ModelState.AddModelError($"rename-{Rename.InsightId}", error);
            return Page();
        }
        await db.CoreTaskInsights.Where(i => i.ProcessId == id && i.Id == Rename.InsightId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, title), ct);
        TempData["Success"] = l["Indsigten hedder nu »{0}«.", title].Value;
        return Back(id, side, Rename.InsightId);
    }

    /// <summary>Takes an insight off the board; its material goes back among the unsorted, its validations are kept as
    /// history. Once participants have validated it, only the process's owners may delete it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int? side, int? gruppe, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, side, gruppe, ct) is { } refused) return refused;
        if (!CanArrange) return this.Refuse();
        var group = Groups.FirstOrDefault(g => g.Id == Rename.InsightId);
        if (group is null) return NotFound();
        if (group.Answers > 0 && !Head.CanManage)
        {
            ModelState.AddModelError($"rename-{group.Id}", l["Deltagerne har valideret indsigten. Kun forløbets ejere kan slette den nu; slå den i stedet sammen med en anden."]);
            return Page();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CoreTaskMaterials.Where(m => m.ProcessId == id && m.InsightId == group.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.InsightId, (int?)null), ct);
        await db.CoreTaskInsights.Where(i => i.ProcessId == id && i.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.RemovedAt, clock.GetUtcNow()), ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = l["Indsigten »{0}« er slettet, og dens materiale er usorteret igen.", group.Title].Value;
        return Back(id, side, null);
    }

    private string? TitleError(string title) =>
        title.Length == 0 ? l["Giv indsigten et navn: en sætning om det, materialet viser, fx »Forældre vil gerne høre til«."].Value
        : title.Length > CoreTaskRules.InsightLength ? l["Indsigtens navn må højst være {0} tegn.", CoreTaskRules.InsightLength].Value
        : null;

    /// <summary>The ticked pieces, all of them this process's; null (with the message) when none are ticked.</summary>
    private async Task<List<int>?> PiecesAsync(int id, CancellationToken ct)
    {
        var wanted = Move.MaterialIds.Distinct().Take(ExpandedLimit * 2).ToList();
        if (wanted.Count == 0)
        {
            ModelState.AddModelError("Move_Target", l["Sæt flueben ved det materiale, der skal flyttes."]);
            return null;
        }
        var found = await db.CoreTaskMaterials.Where(m => m.ProcessId == id && wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        if (found.Count != wanted.Count)
        {
            // Material from another process: refused, nothing moved.
            ModelState.AddModelError("Move_Target", l["Noget af det valgte materiale hører ikke til forløbet. Intet er flyttet."]);
            return null;
        }
        return found;
    }

    /// <summary>The first <see cref="PerGroup"/> pieces of each insight (of those in <paramref name="only"/>, or of
    /// all), and every piece of the <paramref name="expanded"/> one, in one query, as excerpts.</summary>
    public static async Task<ILookup<int, Note>> NotesAsync(AppDbContext db, int processId, List<int>? only, int expanded, int limit, CancellationToken ct)
    {
        // Which pieces to show: the first few of every group (all of the expanded one), chosen from the ids alone (a
        // narrow read of the (ProcessId, InsightId, CreatedAt) index), then only those pieces read in full. A
        // correlated count per piece made the board quadratic in the material.
        var keys = await db.CoreTaskMaterials
            .Where(m => m.ProcessId == processId && m.InsightId != null && (only == null || only.Contains(m.InsightId.Value)))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, InsightId = m.InsightId!.Value })
            .ToListAsync(ct);
        var chosen = keys.GroupBy(k => k.InsightId)
            .SelectMany(g => g.Key == expanded ? g : g.Take(PerGroup))
            .Select(k => k.Id).Take(limit).ToList();
        var notes = await db.CoreTaskMaterials.Where(m => m.ProcessId == processId && chosen.Contains(m.Id))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, Text = m.Text.Substring(0, ExcerptLength), Long = m.Text.Length > ExcerptLength, m.Subject, m.InsightId })
            .ToListAsync(ct);
        return notes.Select(n => new Note(n.Id, n.Kind, n.Long ? n.Text + " …" : n.Text, n.Subject, n.InsightId)).ToLookup(n => n.InsightId ?? 0);
    }

    private RedirectResult Back(int id, int? side, int? group)
    {
        var query = new List<string>();
        if (side is > 1) query.Add($"side={side}");
        if (group is not null) query.Add($"gruppe={group}");
        return Redirect($"/kerneopgave/{id}/indsigter" + (query.Count > 0 ? "?" + string.Join('&', query) : "") + (group is null ? "" : $"#i-{group}"));
    }

    private async Task<IActionResult?> LoadAsync(int id, int? side, int? gruppe, CancellationToken ct, int? groupPage = null)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        CanArrange = await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.ArrangeInsights);
        Participants = await db.CoreTaskParticipants.CountAsync(p => p.ProcessId == id, ct);
        Groups = await db.CoreTaskInsights.Where(i => i.ProcessId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new Group(i.Id, i.Title,
                // With the process in the condition, the (ProcessId, InsightId, CreatedAt) index answers the count.
                db.CoreTaskMaterials.Count(m => m.ProcessId == id && m.InsightId == i.Id),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Agree),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Partly),
                db.InsightValidations.Count(v => v.InsightId == i.Id && v.Verdict == InsightVerdict.Disagree)))
            .ToListAsync(ct);
        Expanded = gruppe is int g && Groups.Any(x => x.Id == g) ? g : null;
        // The page of insights shown: the one the opened insight is on, or the one asked for.
        GroupPages = Math.Max(1, (Groups.Count + GroupsPerPage - 1) / GroupsPerPage);
        var expandedAt = Expanded is int e ? Groups.ToList().FindIndex(x => x.Id == e) : -1;
        GroupPage = expandedAt >= 0 ? expandedAt / GroupsPerPage + 1 : Math.Clamp(groupPage ?? 1, 1, GroupPages);
        ShownGroups = Groups.Skip((GroupPage - 1) * GroupsPerPage).Take(GroupsPerPage).ToList();
        // The first few pieces of every shown group in one query, and all of the opened group's.
        NotesByGroup = await NotesAsync(db, id, ShownGroups.Select(x => x.Id).ToList(), Expanded ?? 0, GroupsPerPage * PerGroup + ExpandedLimit, ct);
        UnsortedCount = await db.CoreTaskMaterials.CountAsync(m => m.ProcessId == id && m.InsightId == null, ct);
        var pages = Math.Max(1, (UnsortedCount + UnsortedPerPage - 1) / UnsortedPerPage);
        PageNumber = Math.Clamp(side ?? 1, 1, pages);
        Unsorted = (await db.CoreTaskMaterials.Where(m => m.ProcessId == id && m.InsightId == null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip((PageNumber - 1) * UnsortedPerPage).Take(UnsortedPerPage)
            .Select(m => new { m.Id, m.Kind, Text = m.Text.Substring(0, ExcerptLength), Long = m.Text.Length > ExcerptLength, m.Subject })
            .ToListAsync(ct))
            .Select(n => new Note(n.Id, n.Kind, n.Long ? n.Text + " …" : n.Text, n.Subject, null)).ToList();
        return null;
    }
}

/// <summary>A card on the affinity board: the piece, whether the reader may tick it, and whether it is ticked.</summary>
public sealed record BoardNote(InsightsModel.Note Note, bool CanArrange, bool Ticked);

/// <summary>How far the participants agree with an insight, as a bar with its numbers in words.</summary>
public sealed record InsightAgreement(int Agree, int Partly, int Disagree)
{
    public int Total => Agree + Partly + Disagree;
    public int Percent(int n) => Total == 0 ? 0 : (int)Math.Round(100.0 * n / Total);
}
