using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Localization;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Staff group a campaign's contributions into themes (a wish list's themes to the municipality; a filter on every
/// board): create, rename and remove themes, and put contributions into one, several at a time, without a mouse.
/// </summary>
public class ThemesModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ListSize = 50;

    public sealed record ThemeRow(int Id, string Name, int Count);
    public sealed record Item(int Id, string Title, int LikeCount, int? ThemeId);

    public sealed class ThemeInput
    {
        [Required(ErrorMessage = "Skriv temaets navn.")]
        [StringLength(IdeaRules.ThemeLength, ErrorMessage = "Navnet må højst være 80 tegn.")]
        public string Name { get; set; } = "";
    }

    [BindProperty]
    public ThemeInput NewTheme { get; set; } = new();

    [BindProperty]
    public ThemeInput Rename { get; set; } = new();

    [BindProperty(Name = "tema")]
    public int? ThemeId { get; set; }

    [BindProperty(Name = "bidrag")]
    public List<int> Chosen { get; set; } = [];

    /// <summary>Which contributions the list shows: "uden" (no theme, the default), "alle", or a theme's id.</summary>
    [BindProperty(SupportsGet = true, Name = "vis")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "efter")]
    public int? After { get; set; }

    public int CampaignId { get; private set; }
    public string Theme { get; private set; } = "";
    public CampaignType Type { get; private set; }
    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public int? NextAfter { get; private set; }
    public int? RenameFailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(NewTheme));
        var name = NewTheme.Name?.Trim() ?? "";
        if (ModelState.IsValid)
        {
            if (await db.CampaignThemes.CountAsync(t => t.CampaignId == id, ct) >= IdeaRules.MaxThemes)
            {
                ModelState.AddModelError("NewTheme.Name", l["En indsamling kan højst have 30 temaer. Læg nogle sammen først."]);
            }
            else if (await db.CampaignThemes.AnyAsync(t => t.CampaignId == id && t.Name == name, ct))
            {
                ModelState.AddModelError("NewTheme.Name", l["Der er allerede et tema med det navn."]);
            }
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        db.CampaignThemes.Add(new CampaignTheme { CampaignId = id, Name = name, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("NewTheme.Name", l["Der er allerede et tema med det navn."]);
            return await LoadAsync(id, ct) ?? Page();
        }
        TempData["Success"] = l["Temaet \"{0}\" er oprettet.", name].Value;
        return Redirect($"/indsamlinger/{id}/temaer");
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.KeepOnly(nameof(Rename));
        var theme = await db.CampaignThemes.SingleOrDefaultAsync(t => t.Id == ThemeId && t.CampaignId == id, ct);
        if (theme is null) return NotFound();
        var name = Rename.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.CampaignThemes.AnyAsync(t => t.CampaignId == id && t.Name == name && t.Id != theme.Id, ct))
        {
            ModelState.AddModelError("Rename.Name", l["Der er allerede et tema med det navn."]);
        }
        if (!ModelState.IsValid)
        {
            RenameFailedId = theme.Id;
            return await LoadAsync(id, ct) ?? Page();
        }
        theme.Name = name;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Temaet hedder nu \"{0}\".", name].Value;
        return Redirect($"/indsamlinger/{id}/temaer");
    }

    /// <summary>Removes a theme; its contributions stay, without a theme.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        var theme = await db.CampaignThemes.SingleOrDefaultAsync(t => t.Id == ThemeId && t.CampaignId == id, ct);
        if (theme is null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Ideas.Where(i => i.CampaignId == id && i.ThemeId == theme.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ThemeId, (int?)null), ct);
        db.CampaignThemes.Remove(theme);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = l["Temaet \"{0}\" er slettet. Bidragene er der stadig, uden tema.", theme.Name].Value;
        return Redirect($"/indsamlinger/{id}/temaer");
    }

    /// <summary>Puts the chosen contributions into a theme (or takes them out); ids of another campaign change nothing.</summary>
    public async Task<IActionResult> OnPostGroupAsync(int id, CancellationToken ct)
    {
        if (await AllowedAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        if (ThemeId is int t && !await db.CampaignThemes.AnyAsync(x => x.Id == t && x.CampaignId == id, ct))
        {
            ModelState.AddModelError("tema", l["Vælg et af indsamlingens temaer."]);
        }
        var chosen = Chosen.Distinct().Take(ListSize * 2).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("bidrag", l["Vælg de bidrag, der skal i temaet."]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        var moved = await db.Ideas.Where(i => i.CampaignId == id && chosen.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.ThemeId, ThemeId), ct);
        var themeName = ThemeId is null ? null : await db.CampaignThemes.Where(x => x.Id == ThemeId).Select(x => x.Name).SingleAsync(ct);
        TempData["Success"] = themeName is null
            ? l.Plural(moved, "{0} bidrag har ikke længere et tema.", "{0} bidrag har ikke længere et tema.").Value
            : l.Plural(moved, "{0} bidrag er lagt i temaet \"{1}\".", "{0} bidrag er lagt i temaet \"{1}\".", themeName).Value;
        return Redirect($"/indsamlinger/{id}/temaer" + (Show is null ? "" : "?vis=" + Uri.EscapeDataString(Show)));
    }

    private async Task<IActionResult?> AllowedAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => new { c.Theme, c.Type }).SingleOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.GroupIdeas)) return this.Refuse();
        (CampaignId, Theme, Type) = (id, campaign.Theme, campaign.Type);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (CampaignId == 0 && await AllowedAsync(id, ct) is { } refused) return refused;
        Themes = await db.CampaignThemes.Where(t => t.CampaignId == id).OrderBy(t => t.Name)
            .Select(t => new ThemeRow(t.Id, t.Name, db.Ideas.Count(i => i.CampaignId == id && i.ThemeId == t.Id && i.Visibility == IdeaVisibility.Published)))
            .ToListAsync(ct);
        var items = db.Ideas.Where(i => i.CampaignId == id && i.Visibility == IdeaVisibility.Published);
        if (Show == "alle")
        {
            // every contribution
        }
        else if (int.TryParse(Show, out var themeId) && Themes.Any(t => t.Id == themeId))
        {
            items = items.Where(i => i.ThemeId == themeId);
        }
        else
        {
            Show = null;
            items = items.Where(i => i.ThemeId == null);
        }
        if (After is int after) items = items.Where(i => i.Id < after);
        var page = await items.OrderByDescending(i => i.Id).Take(ListSize + 1).Select(i => new Item(i.Id, i.Title, i.LikeCount, i.ThemeId)).ToListAsync(ct);
        if (page.Count > ListSize)
        {
            page.RemoveAt(ListSize);
            NextAfter = page[^1].Id;
        }
        Items = page;
        return null;
    }

    public string ThemeName(int? themeId) => Themes.FirstOrDefault(t => t.Id == themeId)?.Name ?? "";
}
