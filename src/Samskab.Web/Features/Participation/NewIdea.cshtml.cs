using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Images;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Writing an idea (or building on one). While the citizen writes, similar ideas are suggested, so they can like or
/// build on one instead of posting the same idea twice.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImagePipeline.MaxBytes + 1_000_000)]
[RequestSizeLimit(ImagePipeline.MaxBytes + 1_000_000)]
public class NewIdeaModel(AppDbContext db, ParticipantSession session, IdeaActions actions, ImagePipeline images, IAuthorizationService auth,
    TimeProvider clock, IOptions<ParticipationSettings> settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Giv idéen en overskrift.")]
        [StringLength(IdeaRules.TitleLength, ErrorMessage = "Overskriften må højst være 120 tegn.")]
        public string Title { get; set; } = "";

        [StringLength(IdeaRules.TextLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string? Text { get; set; }

        [StringLength(IdeaRules.PlaceLength, ErrorMessage = "Stedet må højst være 120 tegn.")]
        public string? PlaceName { get; set; }

        public IFormFile? Photo { get; set; }

        /// <summary>A competition entry's film, as a link.</summary>
        [StringLength(IdeaRules.FilmUrlLength, ErrorMessage = "Linket må højst være 500 tegn.")]
        public string? FilmUrl { get; set; }

        /// <summary>Hidden from people; a bot that fills every field fills this one too.</summary>
        public string? Website { get; set; }
    }

    public sealed record Similar(int Id, string Title, int LikeCount, string Excerpt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "bygger-paa")]
    public int? BuildsOnId { get; set; }

    public int CampaignId { get; private set; }
    public string Theme { get; private set; } = "";
    public string Question { get; private set; } = "";
    public ModerationMode Moderation { get; private set; }
    public CampaignType Type { get; private set; }
    public string? BuildsOnTitle { get; private set; }
    public IReadOnlyList<Similar> Suggestions { get; private set; } = [];
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return Page();
    }

    /// <summary>The suggestions alone, for htmx while typing.</summary>
    public async Task<IActionResult> OnGetSimilarAsync(int id, [FromQuery(Name = "Input.Title")] string? title, [FromQuery(Name = "Input.Text")] string? text, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return NotFound();
        CampaignId = id;
        await SuggestAsync(id, Clip(title, IdeaRules.TitleLength) + " " + Clip(text, 400), ct);
        return Partial("_Similar", this);
    }

    /// <summary>Without JavaScript: the form comes back with the text kept and the suggestions below it.</summary>
    public async Task<IActionResult> OnPostSimilarAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        await SuggestAsync(id, Clip(Input.Title, IdeaRules.TitleLength) + " " + Clip(Input.Text, 400), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var (participant, join) = await this.ParticipantForWriteAsync(session, Request.Path + Request.QueryString);
        if (join is not null) return join;
        if (!await this.CanAsync(auth, AccessScope.ForCampaign(id), Operation.PostIdea)) return Forbid();
        if (!string.IsNullOrEmpty(Input.Website))
        {
            return Redirect($"/indsamlinger/{id}");
        }
        var since = clock.GetUtcNow().AddHours(-1);
        if (await db.Ideas.CountAsync(i => i.ParticipantId == participant!.Id && i.CreatedAt > since, ct) >= settings.Value.IdeasPerHour)
        {
            ModelState.AddModelError(string.Empty, l["Du har skrevet mange idéer den seneste time. Vent lidt, før du skriver den næste – din tekst står her stadig."]);
        }
        var text = Input.Text?.Trim() ?? "";
        var hasPhoto = Input.Photo is { Length: > 0 };
        string? film = null;
        if (!string.IsNullOrWhiteSpace(Input.FilmUrl) && Type == CampaignType.Competition)
        {
            film = IdeaRules.SafeLink(Input.FilmUrl);
            if (film is null) ModelState.AddModelError("Input.FilmUrl", l["Skriv hele linket til filmen, fx https://www.youtube.com/watch?v=…"]);
        }
        switch (Type)
        {
            case CampaignType.IdeaBoard when text.Length == 0:
                ModelState.AddModelError("Input.Text", l["Beskriv idéen med et par sætninger."]);
                break;
            case CampaignType.PhotoCollection when !hasPhoto:
                ModelState.AddModelError("Input.Photo", l["Vælg det foto, du vil dele."]);
                break;
            case CampaignType.Competition when text.Length == 0 && !hasPhoto && string.IsNullOrWhiteSpace(Input.FilmUrl):
                ModelState.AddModelError("Input.Text", l["Et bidrag skal have en tekst, et foto eller et link til en film."]);
                break;
        }
        if (!ModelState.IsValid) return Page();

        Idea? parent = null;
        if (BuildsOnId is int p)
        {
            parent = await db.Ideas.SingleOrDefaultAsync(i => i.Id == p && i.CampaignId == id && i.Visibility == IdeaVisibility.Published, ct);
            if (parent is null) return NotFound();
        }
        string? imageKey = null;
        if (hasPhoto && Type != CampaignType.WishList && Input.Photo is { } photo)
        {
            var stored = await images.StoreAsync(photo, ct);
            if (stored.Problem is not null)
            {
                ModelState.AddModelError("Input.Photo", l[stored.Problem]);
                return Page();
            }
            imageKey = stored.Key;
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == id, ct);
        var place = string.IsNullOrWhiteSpace(Input.PlaceName) ? null : Input.PlaceName.Trim();
        var idea = await actions.PostAsync(campaign, participant!.Id, Input.Title.Trim(), text, place, imageKey, parent, film, ct);
        TempData["Success"] = Type == CampaignType.IdeaBoard
            ? (idea.Visibility == IdeaVisibility.Pending
                ? l["Tak for idéen! Den bliver vist, når en moderator har godkendt den. Du får svar på mail, når den får en status."].Value
                : l["Tak for idéen! Den er nu på idébanken, og du får en mail, når den får en status."].Value)
            : idea.Visibility == IdeaVisibility.Pending
            ? l["Tak for dit bidrag! Det bliver vist, når en moderator har godkendt det. Du får svar på mail, når det får en status."].Value
            : l["Tak for dit bidrag! Det kan nu ses af alle, og du får en mail, når det får en status."].Value;
        return Redirect($"/ideer/{idea.Id}");
    }

    private async Task SuggestAsync(int id, string text, CancellationToken ct)
    {
        Searched = true;
        var ids = await db.SimilarIdeaIdsAsync(id, text, 5, ct);
        var rows = await db.Ideas.Where(i => ids.Contains(i.Id))
            .Select(i => new Similar(i.Id, i.Title, i.LikeCount, IdeaQueries.Excerpt(i.Text.Substring(0, 160), i.Text.Length > 160)))
            .ToListAsync(ct);
        Suggestions = ids.Select(x => rows.FirstOrDefault(r => r.Id == x)).OfType<Similar>().ToList();
    }

    private static string Clip(string? value, int length) => value is null ? "" : value.Length <= length ? value : value[..length];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => new { c.Theme, c.Question, c.Moderation, c.OpensOn, c.ClosesOn, c.Type }).SingleOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        (CampaignId, Theme, Question, Moderation, Type) = (id, campaign.Theme, campaign.Question, campaign.Moderation, campaign.Type);
        // Only ideas build on each other; wishes, entries and photos stand alone.
        if (BuildsOnId is not null && Type != CampaignType.IdeaBoard) return NotFound();
        var today = clock.Today();
        if (today < campaign.OpensOn || today > campaign.ClosesOn)
        {
            TempData["Success"] = l["Indsamlingen er ikke åben for nye idéer."].Value;
            return Redirect($"/indsamlinger/{id}");
        }
        if (await session.CurrentAsync(ct) is null && User.Identity?.IsAuthenticated != true)
        {
            return Redirect(ParticipationPages.JoinUrl(Request.Path + Request.QueryString));
        }
        if (BuildsOnId is int p)
        {
            BuildsOnTitle = await db.Ideas.Where(i => i.Id == p && i.CampaignId == id && i.Visibility == IdeaVisibility.Published).Select(i => i.Title).SingleOrDefaultAsync(ct);
            if (BuildsOnTitle is null) return NotFound();
        }
        return null;
    }
}
