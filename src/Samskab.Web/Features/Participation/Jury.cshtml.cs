using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// A competition's jury: the criteria, each juror's scores (1–5 per criterion and entry, changed in place), the ranking
/// by the jury's average beside the public vote, and the winner announced on the competition's page.
/// </summary>
public class JuryModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int EntriesShown = 200;

    public sealed record CriterionRow(int Id, string Name, string? Description);
    public sealed record Entry(int Id, string Title, int Votes, string? ImageKey, string? FilmUrl);
    public sealed record Ranked(Entry Entry, double? JuryTotal, int Jurors, IReadOnlyDictionary<int, double> Averages, IReadOnlyDictionary<int, int> Mine);

    public sealed class CriterionInput
    {
        [Required(ErrorMessage = "Skriv kriteriets navn.")]
        [StringLength(IdeaRules.ThemeLength, ErrorMessage = "Navnet må højst være 80 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(IdeaRules.ReasonLength, ErrorMessage = "Beskrivelsen må højst være 500 tegn.")]
        public string? Description { get; set; }
    }

    public sealed class WinnerInput
    {
        public int? IdeaId { get; set; }

        [StringLength(IdeaRules.AnswerLength, ErrorMessage = "Begrundelsen må højst være 2000 tegn.")]
        public string? Text { get; set; }
    }

    [BindProperty]
    public CriterionInput Criterion { get; set; } = new();

    [BindProperty]
    public WinnerInput Winner { get; set; } = new();

    [BindProperty(Name = "kriterium")]
    public int? CriterionId { get; set; }

    [BindProperty(Name = "bidrag")]
    public int? EntryId { get; set; }

    /// <summary>The juror's scores of one entry: criterion id → 1–5 (empty: not scored).</summary>
    [BindProperty(Name = "point")]
    public Dictionary<int, int?> Points { get; set; } = [];

    public int CampaignId { get; private set; }
    public string Theme { get; private set; } = "";
    public int? CurrentWinnerId { get; private set; }
    public IReadOnlyList<CriterionRow> Criteria { get; private set; } = [];
    public IReadOnlyList<Ranked> Ranking { get; private set; } = [];
    public int? FailedEntryId { get; private set; }

    /// <summary>The score forms, a page of the ranking at a time (the ranking itself is shown whole).</summary>
    public const int FormsPerPage = 25;

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Ranked> ScorePage { get; private set; } = [];
    public int PageCount => Math.Max(1, (Ranking.Count + FormsPerPage - 1) / FormsPerPage);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCriterionAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(Criterion));
        if (ModelState.IsValid && await db.JuryCriteria.CountAsync(c => c.CampaignId == id, ct) >= IdeaRules.MaxCriteria)
        {
            ModelState.AddModelError("Criterion.Name", l["En konkurrence kan højst have 10 kriterier."]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        var position = await db.JuryCriteria.Where(c => c.CampaignId == id).Select(c => (int?)c.Position).MaxAsync(ct) ?? 0;
        db.JuryCriteria.Add(new JuryCriterion
        {
            CampaignId = id,
            Name = Criterion.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(Criterion.Description) ? null : Criterion.Description.Trim(),
            Position = position + 1,
        });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Kriteriet er tilføjet."].Value;
        return Redirect($"/indsamlinger/{id}/jury");
    }

    public async Task<IActionResult> OnPostDeleteCriterionAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        var criterion = await db.JuryCriteria.SingleOrDefaultAsync(c => c.Id == CriterionId && c.CampaignId == id, ct);
        if (criterion is null) return NotFound();
        db.JuryCriteria.Remove(criterion);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Kriteriet og dets point er slettet."].Value;
        return Redirect($"/indsamlinger/{id}/jury");
    }

    /// <summary>The juror's scores of one entry; a criterion left empty removes the juror's score on it.</summary>
    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        var entry = await db.Ideas.SingleOrDefaultAsync(i => i.Id == EntryId && i.CampaignId == id && i.Visibility == IdeaVisibility.Published, ct);
        if (entry is null) return NotFound();
        var criteria = await db.JuryCriteria.Where(c => c.CampaignId == id).Select(c => c.Id).ToListAsync(ct);
        if (Points.Keys.Any(k => !criteria.Contains(k)) || Points.Values.Any(v => v is < 1 or > 5))
        {
            ModelState.AddModelError("point", l["Giv mellem 1 og 5 point for hvert kriterium."]);
            FailedEntryId = entry.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.JuryScores.Where(s => s.IdeaId == entry.Id && s.UserId == userId).ToListAsync(ct);
        foreach (var criterionId in criteria)
        {
            var mine = existing.FirstOrDefault(s => s.CriterionId == criterionId);
            var value = Points.GetValueOrDefault(criterionId);
            if (value is int v)
            {
                if (mine is null) db.JuryScores.Add(new JuryScore { IdeaId = entry.Id, CriterionId = criterionId, UserId = userId, Score = v, At = now });
                else (mine.Score, mine.At) = (v, now);
            }
            else if (mine is not null)
            {
                db.JuryScores.Remove(mine);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = l["Dine point til \"{0}\" er gemt.", entry.Title].Value;
        return Redirect($"/indsamlinger/{id}/jury?side={Math.Max(1, PageNumber)}#bidrag-{entry.Id}");
    }

    public async Task<IActionResult> OnPostWinnerAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(Winner));
        if (Winner.IdeaId is not int winnerId || !await db.Ideas.AnyAsync(i => i.Id == winnerId && i.CampaignId == id && i.Visibility == IdeaVisibility.Published, ct))
        {
            ModelState.AddModelError("Winner.IdeaId", l["Vælg vinderen blandt konkurrencens bidrag."]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == id, ct);
        campaign.WinnerIdeaId = Winner.IdeaId;
        campaign.WinnerText = string.IsNullOrWhiteSpace(Winner.Text) ? null : Winner.Text.Trim();
        campaign.WinnerAnnouncedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Vinderen er udråbt og vises på konkurrencens side."].Value;
        return Redirect($"/indsamlinger/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawWinnerAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        await db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.WinnerIdeaId, (int?)null).SetProperty(c => c.WinnerText, (string?)null).SetProperty(c => c.WinnerAnnouncedAt, (DateTimeOffset?)null), ct);
        TempData["Success"] = l["Vinderen vises ikke længere."].Value;
        return Redirect($"/indsamlinger/{id}/jury");
    }

    private async Task<IActionResult?> AllowedAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => new { c.Theme, c.Type, c.WinnerIdeaId }).SingleOrDefaultAsync(ct);
        if (campaign is null || campaign.Type != CampaignType.Competition) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.JudgeCompetition)) return this.Refuse();
        (CampaignId, Theme, CurrentWinnerId) = (id, campaign.Theme, campaign.WinnerIdeaId);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (CampaignId == 0 && await AllowedAsync(id, ct) is { } refused) return refused;
        Criteria = await db.JuryCriteria.Where(c => c.CampaignId == id).OrderBy(c => c.Position)
            .Select(c => new CriterionRow(c.Id, c.Name, c.Description)).ToListAsync(ct);
        var entries = await db.Ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published)
            .OrderByDescending(i => i.LikeCount).ThenBy(i => i.Id).Take(EntriesShown)
            .Select(i => new Entry(i.Id, i.Title, i.LikeCount, i.ImageKey, i.FilmUrl)).ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var averages = await db.JuryScores.Where(s => ids.Contains(s.IdeaId))
            .GroupBy(s => new { s.IdeaId, s.CriterionId })
            .Select(g => new { g.Key.IdeaId, g.Key.CriterionId, Average = g.Average(x => (double)x.Score) })
            .ToListAsync(ct);
        var jurors = await db.JuryScores.Where(s => ids.Contains(s.IdeaId))
            .GroupBy(s => s.IdeaId).Select(g => new { IdeaId = g.Key, Count = g.Select(x => x.UserId).Distinct().Count() })
            .ToListAsync(ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await db.JuryScores.Where(s => ids.Contains(s.IdeaId) && s.UserId == userId)
            .Select(s => new { s.IdeaId, s.CriterionId, s.Score }).ToListAsync(ct);
        var criteriaIds = Criteria.Select(c => c.Id).ToHashSet();
        Ranking = entries.Select(e =>
            {
                var av = averages.Where(a => a.IdeaId == e.Id && criteriaIds.Contains(a.CriterionId)).ToDictionary(a => a.CriterionId, a => a.Average);
                return new Ranked(e, av.Count == 0 ? null : av.Values.Sum(), jurors.FirstOrDefault(j => j.IdeaId == e.Id)?.Count ?? 0, av,
                    mine.Where(m => m.IdeaId == e.Id).ToDictionary(m => m.CriterionId, m => m.Score));
            })
            .OrderByDescending(r => r.JuryTotal ?? -1).ThenByDescending(r => r.Entry.Votes).ToList();
        // After a refused score the form with the message is on the page shown.
        var failedAt = FailedEntryId is int f ? Ranking.Select((r, n) => (r, n)).FirstOrDefault(x => x.r.Entry.Id == f).n : -1;
        PageNumber = failedAt >= 0 && FailedEntryId is not null ? failedAt / FormsPerPage + 1 : Math.Clamp(PageNumber, 1, PageCount);
        ScorePage = Ranking.Skip((PageNumber - 1) * FormsPerPage).Take(FormsPerPage).ToList();
        return null;
    }
}
