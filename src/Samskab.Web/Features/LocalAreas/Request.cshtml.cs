using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// One request: its history of states with the public answers, and the thread between the community and the bridge
/// builder. The bridge builder moves it on; the requester writes back and may reopen it when it was closed.
/// </summary>
public class RequestModel(AppDbContext db, ParticipantSession session, RequestActions actions, IAuthorizationService auth, TimeProvider clock,
    IOptions<LocalAreaSettings> settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class StateInput
    {
        [Required(ErrorMessage = "Vælg den nye tilstand.")]
        public RequestState? State { get; set; }

        [Required(ErrorMessage = "Skriv et svar til lokalsamfundet – det bliver vist sammen med den nye tilstand.")]
        [StringLength(AreaRules.AnswerLength, ErrorMessage = "Svaret må højst være 2000 tegn.")]
        public string Answer { get; set; } = "";

        [StringLength(AreaRules.NameLength, ErrorMessage = "Afdelingen må højst være 120 tegn.")]
        public string? Department { get; set; }

        [StringLength(AreaRules.NameLength, ErrorMessage = "Kontaktpersonen må højst være 120 tegn.")]
        public string? DepartmentContact { get; set; }

        public DateOnly? ExpectedOn { get; set; }
    }

    public sealed class MessageInput
    {
        [Required(ErrorMessage = "Skriv en besked.")]
        [StringLength(AreaRules.TextLength, ErrorMessage = "Beskeden må højst være 4000 tegn.")]
        public string Text { get; set; } = "";
    }

    public sealed class ReopenInput
    {
        [Required(ErrorMessage = "Skriv hvorfor I genåbner henvendelsen.")]
        [StringLength(AreaRules.AnswerLength, ErrorMessage = "Begrundelsen må højst være 2000 tegn.")]
        public string Reason { get; set; } = "";
    }

    public sealed class HandOverInput
    {
        [Required(ErrorMessage = "Vælg den brobygger, der skal have henvendelsen.")]
        public string? ToUserId { get; set; }

        [StringLength(AreaRules.AnswerLength, ErrorMessage = "Noten må højst være 2000 tegn.")]
        public string? Note { get; set; }
    }

    public sealed record View(int Id, int AreaId, string AreaName, string Title, string Text, string? OnBehalfOf, RequestCategory Category, string? ImageKey,
        RequestState State, string? Department, string? DepartmentContact, DateOnly? ExpectedOn, DateOnly AnswerDueOn, DateTimeOffset? FirstAnsweredAt,
        string? OwnerUserId, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int ReopenCount, string SenderName, string? SenderEmail);

    public sealed record Entry(RequestEntryKind Kind, RequestState? State, string? Text, bool FromStaff, string ByName, bool StaffOnly, DateTimeOffset At);
    public sealed record Colleague(string UserId, string Name);

    [BindProperty] public StateInput Move { get; set; } = new();
    [BindProperty] public MessageInput Message { get; set; } = new();
    [BindProperty] public ReopenInput Reopen { get; set; } = new();
    [BindProperty] public HandOverInput HandOver { get; set; } = new();

    public View Item { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];
    public bool CanHandle { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanReopen { get; private set; }
    public bool IsRequester { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly? ReopenUntil { get; private set; }
    public bool Overdue => AreaRules.IsOverdue(Item.State, Item.FirstAnsweredAt, Item.AnswerDueOn, Today);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostStateAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Move, nameof(Move));
        var (request, refused) = await ForStaffAsync(id, ct);
        if (refused is not null) return refused;
        if (Move.State is RequestState s && (!Enum.IsDefined(s) || s == RequestState.Received))
        {
            ModelState.AddModelError("Move.State", l["Vælg den nye tilstand."]);
        }
        else if (Move.State == request!.State && request.State != RequestState.InDialogue)
        {
            ModelState.AddModelError("Move.State", l["Henvendelsen er allerede i den tilstand. Skriv i tråden, hvis du vil sige mere."]);
        }
        if (Move.State == RequestState.PassedOn && string.IsNullOrWhiteSpace(Move.Department))
        {
            ModelState.AddModelError("Move.Department", l["Skriv hvilken afdeling henvendelsen er sendt videre til."]);
        }
        if (Move.State == RequestState.Planned)
        {
            if (Move.ExpectedOn is null) ModelState.AddModelError("Move.ExpectedOn", l["Skriv hvornår det forventes at ske."]);
            else if (Move.ExpectedOn < clock.Today()) ModelState.AddModelError("Move.ExpectedOn", l["Den forventede dato må ikke ligge før i dag."]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        await actions.ChangeStateAsync(request!, Move.State!.Value, Move.Answer.Trim(), Move.Department?.Trim(), Move.DepartmentContact?.Trim(), Move.ExpectedOn, Staff(), ct);
        TempData["Success"] = l["Henvendelsen er nu \"{0}\", og afsenderen har fået dit svar på mail.", l[AreaRules.State(Move.State!.Value)]].Value;
        return Redirect($"/henvendelser/{id}");
    }

    public async Task<IActionResult> OnPostHandOverAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(HandOver, nameof(HandOver));
        var (request, refused) = await ForStaffAsync(id, ct);
        if (refused is not null) return refused;
        var to = HandOver.ToUserId is null ? null : await db.AreaBridgeBuilders.Where(b => b.AreaId == request!.AreaId && b.UserId == HandOver.ToUserId)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (HandOver.ToUserId is not null && to is null)
        {
            ModelState.AddModelError("HandOver.ToUserId", l["Vælg en af områdets brobyggere."]);
        }
        else if (to is not null && to.Id == request!.OwnerUserId)
        {
            ModelState.AddModelError("HandOver.ToUserId", l["Henvendelsen er allerede hos {0}.", to.DisplayName]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        await actions.HandOverAsync(request!, to!.Id, to.DisplayName, HandOver.Note?.Trim(), Staff(), ct);
        TempData["Success"] = l["Henvendelsen er givet videre til {0}, som har fået en mail.", to.DisplayName].Value;
        return Redirect($"/henvendelser/{id}");
    }

    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Message, nameof(Message));
        var request = await db.AreaRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        var scope = AccessScope.ForRequest(request.AreaId, id);
        if (!await this.CanAsync(auth, scope, Operation.WriteInRequestThread)) return await this.RefuseParticipantAsync(session);
        var staff = await this.CanAsync(auth, scope, Operation.HandleAreaRequest);
        var participant = staff ? null : await session.CurrentOrFromAccountAsync(ct);
        if (!staff)
        {
            var since = clock.GetUtcNow().AddHours(-1);
            if (await db.RequestEntries.CountAsync(e => e.ByParticipantId == participant!.Id && e.Kind == RequestEntryKind.Message && e.At > since, ct) >= settings.Value.MessagesPerHour)
            {
                ModelState.AddModelError("Message.Text", l["Du har skrevet mange beskeder den seneste time. Vent lidt – din tekst står her stadig."]);
            }
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        await actions.MessageAsync(request, Message.Text.Trim(), staff ? Staff() : null, participant?.Id, participant is null || participant.Anonymous ? "" : participant.DisplayName, ct);
        TempData["Success"] = staff ? l["Beskeden er sendt til afsenderen."].Value : l["Beskeden er sendt til områdets brobygger."].Value;
        return Redirect($"/henvendelser/{id}#traad");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Reopen, nameof(Reopen));
        var request = await db.AreaRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        if (!await this.CanAsync(auth, AccessScope.ForRequest(request.AreaId, id), Operation.ReopenRequest)) return await this.RefuseParticipantAsync(session);
        if (!request.IsClosed)
        {
            ModelState.AddModelError("Reopen.Reason", l["Henvendelsen er ikke lukket, så den kan ikke genåbnes. Skriv i tråden i stedet."]);
        }
        else if (request.ClosedAt < clock.GetUtcNow().AddDays(-settings.Value.ReopenDays))
        {
            ModelState.AddModelError("Reopen.Reason", l["Henvendelsen blev lukket for mere end {0} dage siden og kan ikke genåbnes. Send en ny henvendelse i stedet.", settings.Value.ReopenDays]);
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        var participant = await session.CurrentOrFromAccountAsync(ct);
        await actions.ReopenAsync(request, Reopen.Reason.Trim(), participant!.Id, participant.Anonymous ? "" : participant.DisplayName, ct);
        TempData["Success"] = l["Henvendelsen er genåbnet, og brobyggeren har fået besked."].Value;
        return Redirect($"/henvendelser/{id}");
    }

    private RequestActions.Staff Staff() => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, this.StaffName());

    private async Task<(AreaRequest? Request, IActionResult? Refused)> ForStaffAsync(int id, CancellationToken ct)
    {
        var request = await db.AreaRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return (null, NotFound());
        if (!await this.CanAsync(auth, AccessScope.ForRequest(request.AreaId, id), Operation.HandleAreaRequest)) return (null, this.Refuse());
        return (request, null);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var r = await db.AreaRequests.Where(x => x.Id == id)
            .Select(x => new View(x.Id, x.AreaId, db.LocalAreas.Where(a => a.Id == x.AreaId).Select(a => a.Name).First(), x.Title, x.Text, x.OnBehalfOf, x.Category, x.ImageKey,
                x.State, x.Department, x.DepartmentContact, x.ExpectedOn, x.AnswerDueOn, x.FirstAnsweredAt, x.OwnerUserId,
                db.Users.Where(u => u.Id == x.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), x.CreatedAt, x.ClosedAt, x.ReopenCount,
                x.Participant!.DeletedAt != null || x.Participant.Anonymous ? "" : x.Participant.DisplayName, x.Participant.Email))
            .SingleOrDefaultAsync(ct);
        if (r is null) return NotFound();
        Today = clock.Today();
        var scope = AccessScope.ForRequest(r.AreaId, id);
        CanHandle = await this.CanAsync(auth, scope, Operation.HandleAreaRequest);
        // Personal data only to those who need it: the address is for the municipality's staff.
        Item = CanHandle && await this.CanAsync(auth, scope, Operation.ViewRequesterContact) ? r : r with { SenderEmail = null };
        CanWrite = await this.CanAsync(auth, scope, Operation.WriteInRequestThread);
        IsRequester = await this.CanAsync(auth, scope, Operation.ReopenRequest);
        if (r.ClosedAt is DateTimeOffset closed)
        {
            ReopenUntil = DateOnly.FromDateTime(closed.AddDays(settings.Value.ReopenDays).ToDanish().DateTime);
            CanReopen = IsRequester && closed >= clock.GetUtcNow().AddDays(-settings.Value.ReopenDays);
        }
        Entries = await db.RequestEntries.Where(e => e.RequestId == id && (CanHandle || !e.StaffOnly)).OrderBy(e => e.Id).Take(500)
            .Select(e => new Entry(e.Kind, e.State, e.Text, e.FromStaff, e.ByName, e.StaffOnly, e.At)).ToListAsync(ct);
        if (CanHandle)
        {
            Colleagues = await db.AreaBridgeBuilders.Where(b => b.AreaId == r.AreaId && b.UserId != r.OwnerUserId)
                .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new Colleague(u.Id, u.DisplayName)).ToListAsync(ct);
        }
        return null;
    }
}
