using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Images;

namespace Samskab.Web.Features.CoreTask;

/// <summary>A citizen without an account contributes through a process's link or room code: a photo with its caption,
/// an obituary, or an answer with its why chain. It waits for the owners' review before anyone else sees it.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImagePipeline.MaxBytes + 1_000_000)]
[RequestSizeLimit(ImagePipeline.MaxBytes + 1_000_000)]
public class ContributeModel(AppDbContext db, ImagePipeline images, CoreTaskCodeGuard guard, CoreTaskGuestCookie guests, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ContributionInput
    {
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Navnet må højst være 160 tegn.")]
        public string? Name { get; set; }

        [StringLength(CoreTaskRules.MaterialLength, ErrorMessage = "Teksten må højst være 4000 tegn.")]
        public string? Text { get; set; }

        public IFormFile? File { get; set; }

        public List<string?> WhySteps { get; set; } = [];

        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Det underliggende behov må højst være 500 tegn.")]
        public string? UnderlyingNeed { get; set; }

        /// <summary>Left empty by people; filled in by robots.</summary>
        public string? Website { get; set; }
    }

    public sealed record Invite(int Id, int ProcessId, string Code, MaterialKind Kind, string? Prompt, bool Open, string UnitName);

    public Invite? Link { get; private set; }
    public string? Problem { get; private set; }
    public int MineWaiting { get; private set; }

    [BindProperty] public ContributionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery] string? kode, CancellationToken ct)
    {
        if (code is null && kode is not null)
        {
            // The room-code form: "abcd efgh" or "ABCD-EFGH" is the same code.
            var typed = CoreTaskCodes.Normalize(kode);
            if (typed is not null) return Redirect("/kerneopgave/bidrag/" + typed);
            Problem = l["Koden har otte tegn, fx ABCD-EFGH. Prøv igen."];
            ModelState.AddModelError("kode", Problem);
            return Page();
        }
        return code is null ? Page() : await LoadAsync(code, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (code is null) return NotFound();
        this.ValidateOnly(Input, nameof(Input));
        if (await LoadAsync(code, ct) is { } refused) return refused;
        var link = Link!;
        if (!Permissions.IsAllowed(Operation.ContributeViaCoreTaskLink, link.Open ? Roles.CoreTaskLinkHolder : Roles.None))
        {
            return Page();
        }
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A robot: thanked, nothing kept.
            TempData["Success"] = l["Tak! Dit bidrag er sendt. Enheden ser det igennem, før andre ser det."].Value;
            return Redirect("/kerneopgave/bidrag/" + link.Code);
        }
        var text = Input.Text?.Trim() ?? "";
        var material = new CoreTaskMaterial { ProcessId = link.ProcessId, Kind = link.Kind, PendingReview = true, Question = link.Prompt };
        switch (link.Kind)
        {
            case MaterialKind.Photo:
                if (text.Length == 0) ModelState.AddModelError("Input.Text", l["Skriv, hvad der betyder noget for dig her."]);
                else if (text.Length > CoreTaskRules.QuestionLength) ModelState.AddModelError("Input.Text", l["Billedteksten må højst være 500 tegn."]);
                if (Input.File is not { Length: > 0 }) ModelState.AddModelError("Input.File", l["Vælg det foto, du vil dele."]);
                material.Question = null;
                break;
            case MaterialKind.Obituary:
                if (text.Length == 0) ModelState.AddModelError("Input.Text", l["Skriv, hvad der ville blive savnet."]);
                material.Question = null;
                break;
            default:
                if (text.Length == 0) ModelState.AddModelError("Input.Text", l["Skriv svaret."]);
                var (steps, need) = CoreTaskRules.CheckWhyChain(Input.WhySteps, Input.UnderlyingNeed, ModelState, "Input", l);
                material.WhySteps = steps;
                material.UnderlyingNeed = need;
                break;
        }
        if (ModelState.IsValid && link.Kind == MaterialKind.Photo)
        {
            var stored = await images.StoreAsync(Input.File!, ct);
            if (stored.Problem is not null) ModelState.AddModelError("Input.File", l[stored.Problem]);
            material.PhotoKey = stored.Key;
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(Input.Name) ? null : Input.Name.Trim();
        var participant = guests.ParticipantId(HttpContext, link.Id) is int known
            ? await db.CoreTaskParticipants.SingleOrDefaultAsync(p => p.Id == known && p.InviteId == link.Id, ct)
            : null;
        if (participant is null)
        {
            participant = new CoreTaskParticipant { ProcessId = link.ProcessId, Name = name ?? l["Borger via link"], Role = CoreTaskRole.Citizen, InviteId = link.Id, AddedAt = now };
            db.CoreTaskParticipants.Add(participant);
        }
        else if (name is not null)
        {
            participant.Name = name;
        }
        material.Author = participant;
        material.Text = text;
        material.CreatedAt = now;
        db.CoreTaskMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        guests.Remember(HttpContext, link.Id, participant.Id);
        TempData["Success"] = l["Tak! Dit bidrag er sendt. Enheden ser det igennem, før andre ser det."].Value;
        return Redirect("/kerneopgave/bidrag/" + link.Code);
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        if (guard.IsBlocked(address))
        {
            Problem = l["Der er tastet for mange forkerte koder fra din forbindelse. Vent ti minutter, og prøv igen."];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var normalized = CoreTaskCodes.Normalize(code);
        Link = normalized is null ? null : await db.CoreTaskInvites.Where(i => i.Code == normalized)
            .Select(i => new Invite(i.Id, i.ProcessId, i.Code, i.Kind, i.Prompt, i.ClosedAt == null, db.CoreTaskProcesses.Where(p => p.Id == i.ProcessId).Select(p => p.UnitName).First()))
            .SingleOrDefaultAsync(ct);
        if (Link is null)
        {
            guard.Fail(address);
            Problem = l["Koden findes ikke. Tjek, at du har tastet den rigtigt."];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (normalized != code) return Redirect("/kerneopgave/bidrag/" + normalized);
        if (!Link.Open)
        {
            Problem = l["Linket er lukket, så der kan ikke sendes flere bidrag. Tak til alle, der var med."];
            return null;
        }
        if (guests.ParticipantId(HttpContext, Link.Id) is int me)
        {
            MineWaiting = await db.CoreTaskMaterials.IgnoreQueryFilters().CountAsync(m => m.AuthorId == me && m.PendingReview && m.RejectedAt == null, ct);
        }
        return null;
    }
}
