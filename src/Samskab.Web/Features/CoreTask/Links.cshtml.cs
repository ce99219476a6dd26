using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The owners share a link, a QR code and a room code, so citizens without an account send photos,
/// obituaries or interviews from their phones; what they send waits for the review.</summary>
public class LinksModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxOpen = 20;

    /// <summary>The kinds a citizen can send through a link.</summary>
    public static readonly MaterialKind[] LinkKinds = [MaterialKind.Photo, MaterialKind.Obituary, MaterialKind.Interview];

    public sealed class InviteInput
    {
        public MaterialKind Kind { get; set; } = MaterialKind.Photo;

        [StringLength(CoreTaskRules.QuestionLength, ErrorMessage = "Spørgsmålet til borgerne må højst være 500 tegn.")]
        public string? Prompt { get; set; }
    }

    public sealed record Row(int Id, string Code, MaterialKind Kind, string? Prompt, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int Pending, int Taken);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<Row> Invites { get; private set; } = [];

    [BindProperty] public InviteInput New { get; set; } = new();

    /// <summary>The link printed and put in the QR code: from Samskab:BaseUrl, never from the request's Host header.</summary>
    public string LinkUrl(string code) => links.Absolute("/kerneopgave/bidrag/" + code);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The QR code of a link, as a PNG for the big screen or a printed poster.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, int invite, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var row = Invites.FirstOrDefault(i => i.Id == invite);
        if (row is null) return NotFound();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(LinkUrl(row.Code), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(10);
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(New, nameof(New));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Head.MeId is not int me) return this.Refuse();
        if (!LinkKinds.Contains(New.Kind))
        {
            ModelState.AddModelError("New.Kind", l["Vælg, hvad borgerne skal sende."]);
        }
        if (Invites.Count(i => i.ClosedAt is null) >= MaxOpen)
        {
            ModelState.AddModelError("New.Kind", l["Et forløb kan højst have 20 åbne links. Luk et, før du laver et nyt."]);
        }
        if (!ModelState.IsValid) return Page();
        var invite = new CoreTaskInvite
        {
            ProcessId = id,
            Code = CoreTaskCodes.New(),
            Kind = New.Kind,
            Prompt = string.IsNullOrWhiteSpace(New.Prompt) ? null : New.Prompt.Trim(),
            CreatedById = me,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CoreTaskInvites.Add(invite);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Linket er klar. Vis QR-koden, eller sig rumkoden højt."].Value;
        return Redirect($"/kerneopgave/{id}/links#link-{invite.Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, [FromForm] int invite, [FromForm] bool reopen, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var row = await db.CoreTaskInvites.SingleOrDefaultAsync(i => i.Id == invite && i.ProcessId == id, ct);
        if (row is null) return NotFound();
        row.ClosedAt = reopen ? null : row.ClosedAt ?? clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = (reopen ? l["Linket er åbnet igen."] : l["Linket er lukket. Koden virker ikke længere."]).Value;
        return Redirect($"/kerneopgave/{id}/links#link-{row.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        if (!await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.ShareCoreTaskLink)) return this.Refuse();
        Invites = await db.CoreTaskInvites.Where(i => i.ProcessId == id).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(50)
            .Select(i => new Row(i.Id, i.Code, i.Kind, i.Prompt, i.CreatedAt, i.ClosedAt,
                db.CoreTaskMaterials.IgnoreQueryFilters().Count(m => m.PendingReview && m.RejectedAt == null && db.CoreTaskParticipants.Any(p => p.Id == m.AuthorId && p.InviteId == i.Id)),
                db.CoreTaskMaterials.Count(m => db.CoreTaskParticipants.Any(p => p.Id == m.AuthorId && p.InviteId == i.Id))))
            .ToListAsync(ct);
        return null;
    }
}
