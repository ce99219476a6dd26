using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>The author corrects their idea, until others have liked it, built on it or had an answer.</summary>
public class EditIdeaModel(AppDbContext db, ParticipantSession session, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Giv idéen en overskrift.")]
        [StringLength(IdeaRules.TitleLength, ErrorMessage = "Overskriften må højst være 120 tegn.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Beskriv idéen med et par sætninger.")]
        [StringLength(IdeaRules.TextLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string Text { get; set; } = "";

        [StringLength(IdeaRules.PlaceLength, ErrorMessage = "Stedet må højst være 120 tegn.")]
        public string? PlaceName { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (idea, refused) = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        Input = new InputModel { Title = idea!.Title, Text = idea.Text, PlaceName = idea.PlaceName };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (idea, refused) = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        if (!ModelState.IsValid) return Page();
        idea!.Title = Input.Title.Trim();
        idea.Text = Input.Text.Trim();
        idea.PlaceName = string.IsNullOrWhiteSpace(Input.PlaceName) ? null : Input.PlaceName.Trim();
        idea.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Idéen er rettet."].Value;
        return Redirect($"/ideer/{id}");
    }

    private async Task<(Idea?, IActionResult?)> LoadAsync(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null) return (null, NotFound());
        if (!await this.CanAsync(auth, AccessScope.ForIdea(idea.CampaignId, id), Operation.EditOwnIdea)) return (null, await this.RefuseParticipantAsync(session));
        Id = id;
        var answered = await db.IdeaAnswers.AnyAsync(a => a.IdeaId == id, ct);
        if (idea.LikeCount > 0 || idea.BuildOnCount > 0 || answered || idea.Visibility == IdeaVisibility.Withdrawn)
        {
            TempData["Success"] = l["Idéen kan ikke rettes længere, fordi andre har reageret på den."].Value;
            return (null, Redirect($"/ideer/{id}"));
        }
        return (idea, null);
    }
}
