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

namespace Samskab.Web.Features.LocalAreas;

/// <summary>An administrator sets up an area (at /lokalomraader/ny, or edits one) and appoints its bridge builders.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImagePipeline.MaxBytes + 1_000_000)]
[RequestSizeLimit(ImagePipeline.MaxBytes + 1_000_000)]
public class EditAreaModel(AppDbContext db, IAuthorizationService auth, ImagePipeline images, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class AreaInput
    {
        [Required(ErrorMessage = "Giv området et navn.")]
        [StringLength(AreaRules.NameLength, ErrorMessage = "Navnet må højst være 120 tegn.")]
        public string Name { get; set; } = "";

        [StringLength(AreaRules.DescriptionLength, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string? Description { get; set; }

        [StringLength(AreaRules.NameLength, ErrorMessage = "Lokalforummets navn må højst være 120 tegn.")]
        public string? ForumName { get; set; }

        [StringLength(AreaRules.ContactLength, ErrorMessage = "Kontaktoplysningerne må højst være 1000 tegn.")]
        public string? ForumContact { get; set; }

        [EmailAddress(ErrorMessage = "Skriv en gyldig mailadresse, fx lokalraad@engby.dk.")]
        [StringLength(256, ErrorMessage = "Mailadressen må højst være 256 tegn.")]
        public string? ForumEmail { get; set; }

        [StringLength(AreaRules.PlacesLength, ErrorMessage = "Listen over steder må højst være 4000 tegn.")]
        public string? Places { get; set; }
    }

    public sealed class BridgeInput
    {
        [Required(ErrorMessage = "Skriv mailadressen på medarbejderens konto.")]
        [StringLength(256, ErrorMessage = "Mailadressen må højst være 256 tegn.")]
        public string Email { get; set; } = "";

        [StringLength(AreaRules.ContactLength, ErrorMessage = "Præsentationen må højst være 1000 tegn.")]
        public string? Presentation { get; set; }
    }

    public sealed record BridgeRow(string UserId, string Name, string? Email, string? Presentation, string? ImageKey);

    [BindProperty] public AreaInput Input { get; set; } = new();
    [BindProperty] public BridgeInput Bridge { get; set; } = new();
    [BindProperty(Name = "bruger")] public string? UserId { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    /// <summary>Removing an appointment un-owns the bridge builder's requests: it is confirmed with a tick.</summary>
    [BindProperty(Name = "bekraeft")] public bool Confirmed { get; set; }

    public int? AreaId { get; private set; }
    public IReadOnlyList<BridgeRow> BridgeBuilders { get; private set; } = [];
    public string? PhotoFailedFor { get; private set; }
    public string? RemoveFailedFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (id is not null)
        {
            var a = await db.LocalAreas.SingleAsync(x => x.Id == id, ct);
            Input = new AreaInput { Name = a.Name, Description = a.Description, ForumName = a.ForumName, ForumContact = a.ForumContact, ForumEmail = a.ForumEmail, Places = a.Places };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        this.ValidateOnly(Input, nameof(Input));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var name = (Input.Name ?? "").Trim();
        if (await db.LocalAreas.AnyAsync(a => a.Name == name && a.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", l["Der er allerede et lokalområde med det navn."]);
        }
        var places = AreaRules.PlaceList(Input.Places);
        if (places.Count > AreaRules.MaxPlaces)
        {
            ModelState.AddModelError("Input.Places", l["Skriv højst {0} steder.", AreaRules.MaxPlaces]);
        }
        if (places.Any(p => p.Length > AreaRules.NameLength))
        {
            ModelState.AddModelError("Input.Places", l["Et sted må højst være 120 tegn. Skriv ét sted pr. linje."]);
        }
        if (!ModelState.IsValid) return Page();
        var area = id is null ? new LocalArea { Name = name, CreatedAt = clock.GetUtcNow() } : await db.LocalAreas.SingleAsync(a => a.Id == id, ct);
        area.Name = name;
        area.Description = Blank(Input.Description);
        area.ForumName = Blank(Input.ForumName);
        area.ForumContact = Blank(Input.ForumContact);
        area.ForumEmail = Blank(Input.ForumEmail)?.ToLowerInvariant();
        area.Places = string.Join('\n', places);
        if (id is null) db.LocalAreas.Add(area);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = id is null ? l["Lokalområdet er oprettet. Udpeg nu dets brobyggere."].Value : l["Lokalområdet er gemt."].Value;
        return Redirect(id is null ? $"/lokalomraader/{area.Id}/rediger" : $"/lokalomraader/{area.Id}");
    }

    public async Task<IActionResult> OnPostAddBridgeBuilderAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Bridge, nameof(Bridge));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var email = (Bridge.Email ?? "").Trim().ToUpperInvariant();
        var user = ModelState.IsValid ? await db.Users.Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct) : null;
        if (ModelState.IsValid && user is null)
        {
            ModelState.AddModelError("Bridge.Email", l["Der er ingen konto med den mailadresse. Invitér medarbejderen under Administration først."]);
        }
        else if (user is not null && BridgeBuilders.Any(b => b.UserId == user.Id))
        {
            ModelState.AddModelError("Bridge.Email", l["{0} er allerede brobygger for området.", user.DisplayName]);
        }
        if (!ModelState.IsValid) return Page();
        db.AreaBridgeBuilders.Add(new AreaBridgeBuilder { AreaId = id, UserId = user!.Id, Presentation = Blank(Bridge.Presentation), AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["{0} er nu brobygger for området.", user.DisplayName].Value;
        return Redirect($"/lokalomraader/{id}/rediger");
    }

    public async Task<IActionResult> OnPostRemoveBridgeBuilderAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (BridgeBuilders.All(b => b.UserId != UserId)) return NotFound();
        if (!Confirmed)
        {
            ModelState.AddModelError("bekraeft", l["Sæt kryds for at bekræfte, at brobyggeren skal fjernes fra området."]);
            RemoveFailedFor = UserId;
            return Page();
        }
        var removed = await db.AreaBridgeBuilders.Where(b => b.AreaId == id && b.UserId == UserId).ExecuteDeleteAsync(ct);
        if (removed == 0) return NotFound();
        // Their requests have no owner until another takes them: every bridge builder of the area hears of them.
        await db.AreaRequests.Where(r => r.AreaId == id && r.OwnerUserId == UserId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerUserId, (string?)null), ct);
        TempData["Success"] = l["Brobyggeren er fjernet fra området."].Value;
        return Redirect($"/lokalomraader/{id}/rediger");
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var row = await db.AreaBridgeBuilders.SingleOrDefaultAsync(b => b.AreaId == id && b.UserId == UserId, ct);
        if (row is null) return NotFound();
        if (Photo is not { Length: > 0 })
        {
            ModelState.AddModelError("Photo", l["Vælg et foto."]);
        }
        else
        {
            var stored = await images.StoreAsync(Photo, ct);
            if (stored.Problem is not null) ModelState.AddModelError("Photo", l[stored.Problem]);
            else
            {
                var old = row.ImageKey;
                row.ImageKey = stored.Key;
                await db.SaveChangesAsync(ct);
                if (old is not null) await images.DeleteAsync(old, ct);
                TempData["Success"] = l["Fotoet er gemt."].Value;
                return Redirect($"/lokalomraader/{id}/rediger");
            }
        }
        PhotoFailedFor = UserId;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        if (!await this.CanAsync(auth, AccessScope.Site, Operation.ManageLocalAreas)) return this.Refuse();
        if (id is int areaId)
        {
            if (!await db.LocalAreas.AnyAsync(a => a.Id == areaId, ct)) return NotFound();
            AreaId = areaId;
            BridgeBuilders = await db.AreaBridgeBuilders.Where(b => b.AreaId == areaId).OrderBy(b => b.AddedAt)
                .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new BridgeRow(u.Id, u.DisplayName, u.Email, b.Presentation, b.ImageKey)).ToListAsync(ct);
        }
        return null;
    }
}
