using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Images;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>"Vi vil gerne …": a local community asks the municipality for something, without a password.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImagePipeline.MaxBytes + 1_000_000)]
[RequestSizeLimit(ImagePipeline.MaxBytes + 1_000_000)]
public class NewRequestModel(AppDbContext db, ParticipantSession session, RequestActions actions, ImagePipeline images, IAuthorizationService auth,
    TimeProvider clock, IOptions<LocalAreaSettings> settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv kort, hvad I gerne vil.")]
        [StringLength(AreaRules.TitleLength, ErrorMessage = "Overskriften må højst være 120 tegn.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Fortæl lidt mere, så kommunen forstår, hvad I beder om.")]
        [StringLength(AreaRules.TextLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string Text { get; set; } = "";

        [Required(ErrorMessage = "Vælg hvad henvendelsen handler om.")]
        public RequestCategory? Category { get; set; }

        [StringLength(AreaRules.NameLength, ErrorMessage = "Navnet på gruppen må højst være 120 tegn.")]
        public string? OnBehalfOf { get; set; }

        public IFormFile? Photo { get; set; }

        /// <summary>Hidden from people; a bot that fills every field fills this one too.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int AreaId { get; private set; }
    public string AreaName { get; private set; } = "";
    public DateOnly AnswerBy { get; private set; }
    public bool HasBridgeBuilder { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var (participant, join) = await this.ParticipantForWriteAsync(session, $"/lokalomraader/{id}/henvendelse");
        if (join is not null) return join;
        if (!await this.CanAsync(auth, AccessScope.ForArea(id), Operation.SendAreaRequest)) return Forbid();
        if (!string.IsNullOrEmpty(Input.Website)) return Redirect($"/lokalomraader/{id}");
        this.ValidateOnly(Input, nameof(Input));
        if (Input.Category is RequestCategory c && !Enum.IsDefined(c))
        {
            ModelState.AddModelError("Input.Category", l["Vælg hvad henvendelsen handler om."]);
        }
        var since = clock.GetUtcNow().AddHours(-1);
        if (await db.AreaRequests.CountAsync(r => r.ParticipantId == participant!.Id && r.CreatedAt > since, ct) >= settings.Value.RequestsPerHour)
        {
            ModelState.AddModelError(string.Empty, l["Du har sendt mange henvendelser den seneste time. Vent lidt, før du sender den næste – din tekst står her stadig."]);
        }
        if (!ModelState.IsValid) return Page();
        string? imageKey = null;
        if (Input.Photo is { Length: > 0 } photo)
        {
            var stored = await images.StoreAsync(photo, ct);
            if (stored.Problem is not null)
            {
                ModelState.AddModelError("Input.Photo", l[stored.Problem]);
                return Page();
            }
            imageKey = stored.Key;
        }
        var area = await db.LocalAreas.SingleAsync(a => a.Id == id, ct);
        var onBehalf = string.IsNullOrWhiteSpace(Input.OnBehalfOf) ? null : Input.OnBehalfOf.Trim();
        var request = await actions.SendAsync(area, participant!.Id, participant.Anonymous ? "" : participant.DisplayName, Input.Title.Trim(), Input.Text.Trim(), onBehalf,
            Input.Category!.Value, imageKey, ct);
        TempData["Success"] = l["Tak! Henvendelsen er sendt til områdets brobygger. Du får en mail, hver gang kommunen svarer – og senest {0} får du et første svar.",
            request.AnswerDueOn.ToText("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect($"/henvendelser/{request.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var area = await db.LocalAreas.Where(a => a.Id == id).Select(a => new { a.Name, Bridge = a.BridgeBuilders.Any() }).SingleOrDefaultAsync(ct);
        if (area is null) return NotFound();
        (AreaId, AreaName, HasBridgeBuilder) = (id, area.Name, area.Bridge);
        AnswerBy = AreaRules.AnswerDue(clock.Today(), settings.Value.FirstAnswerWorkingDays);
        if (await session.CurrentAsync(ct) is null && User.Identity?.IsAuthenticated != true)
        {
            return Redirect(ParticipationPages.JoinUrl(Request.Path));
        }
        return null;
    }
}
