using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The people of a process and their roles. Owners invite by account (they then take part signed in) or
/// write a name for someone in the room without an account; only owners see e-mail addresses.</summary>
public class ParticipantsModel(AppDbContext db, CoreTaskAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class AddInput
    {
        [StringLength(256, ErrorMessage = "Mailadressen må højst være 256 tegn.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig mailadresse, fx anne@kommune.dk.")]
        public string? Email { get; set; }

        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Navnet må højst være 160 tegn.")]
        public string? Name { get; set; }

        public CoreTaskRole Role { get; set; } = CoreTaskRole.Citizen;
        public bool Owner { get; set; }
    }

    public sealed record Row(int Id, string Name, CoreTaskRole Role, bool IsOwner, bool HasAccount, string? Email);

    public CoreTaskHead Head { get; private set; } = null!;
    public IReadOnlyList<Row> People { get; private set; } = [];
    [BindProperty] public AddInput Input { get; set; } = new();
    [BindProperty(Name = "deltager")] public int? ParticipantId { get; set; }
    [BindProperty(Name = "rolle")] public CoreTaskRole? NewRole { get; set; }
    [BindProperty(Name = "ejer")] public bool MakeOwner { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Input, nameof(Input));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        var email = Input.Email?.Trim();
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", l["Skriv deltagerens navn, eller mailadressen på deltagerens konto."]);
        }
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.Role", l["Vælg deltagerens rolle."]);
        }
        string? userId = null;
        if (ModelState.IsValid && !string.IsNullOrEmpty(email))
        {
            var normalized = email.ToUpperInvariant();
            var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
            if (user is null)
            {
                ModelState.AddModelError("Input.Email", l["Der er ingen konto med den mailadresse. Skriv kun navnet, hvis personen deltager uden konto, eller invitér personen under Administration først."]);
            }
            else if (await db.CoreTaskParticipants.AnyAsync(p => p.ProcessId == id && p.UserId == user.Id, ct))
            {
                ModelState.AddModelError("Input.Email", l["{0} er allerede med i forløbet.", user.DisplayName]);
            }
            else
            {
                userId = user.Id;
                name = string.IsNullOrEmpty(name) ? user.DisplayName : name;
            }
        }
        if (!ModelState.IsValid) return Page();
        db.CoreTaskParticipants.Add(new CoreTaskParticipant
        {
            ProcessId = id,
            UserId = userId,
            Name = name!,
            Role = Input.Role,
            IsOwner = Input.Owner && userId is not null,
            AddedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (userId is not null)
        {
            // Added by another owner at the same moment: the unique index keeps one place on the list.
            ModelState.AddModelError("Input.Email", l["{0} er allerede med i forløbet.", name!]);
            return Page();
        }
        TempData["Success"] = l["{0} er med i forløbet som {1}.", name!, CoreTaskRules.Role(Input.Role, l).ToLowerInvariant()].Value;
        return Redirect($"/kerneopgave/{id}/deltagere");
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        var row = People.SingleOrDefault(p => p.Id == ParticipantId);
        if (row is null) return NotFound();
        if (NewRole is not CoreTaskRole role || !Enum.IsDefined(role))
        {
            ModelState.AddModelError("rolle", l["Vælg deltagerens rolle."]);
            return Page();
        }
        var owner = MakeOwner && row.HasAccount;
        if (row.IsOwner && !owner && People.Count(p => p.IsOwner) == 1)
        {
            ModelState.AddModelError("rolle", l["Forløbet skal have mindst én ejer. Gør en anden til ejer først."]);
            return Page();
        }
        await db.CoreTaskParticipants.Where(p => p.Id == row.Id && p.ProcessId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, role).SetProperty(p => p.IsOwner, owner), ct);
        TempData["Success"] = l["{0} er gemt.", row.Name].Value;
        return Redirect($"/kerneopgave/{id}/deltagere");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Head.CanManage) return this.Refuse();
        var row = People.SingleOrDefault(p => p.Id == ParticipantId);
        if (row is null) return NotFound();
        if (row.IsOwner && People.Count(p => p.IsOwner) == 1)
        {
            ModelState.AddModelError("rolle", l["Forløbet skal have mindst én ejer. Gør en anden til ejer først."]);
            return Page();
        }
        var contributed = await db.OpeningQuestions.AnyAsync(q => q.ProposedById == row.Id, ct)
            || await db.OpeningQuestionComments.AnyAsync(c => c.AuthorId == row.Id, ct)
            || await db.FormulationVersions.AnyAsync(v => v.AuthorId == row.Id, ct)
            || await db.CoreTaskMaterials.IgnoreQueryFilters().AnyAsync(m => m.AuthorId == row.Id, ct)
            || await db.CoreTaskInsights.IgnoreQueryFilters().AnyAsync(i => i.CreatedById == row.Id, ct)
            || await db.InsightValidations.AnyAsync(v => v.ParticipantId == row.Id, ct)
            || await db.CoreTaskCommitments.AnyAsync(c => c.ActorId == row.Id || c.CreatedById == row.Id, ct);
        if (contributed)
        {
            // What they wrote stays with their name; they lose access by losing the account link and the owner right.
            await db.CoreTaskParticipants.Where(p => p.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, (string?)null).SetProperty(p => p.IsOwner, false), ct);
            TempData["Success"] = l["{0} har ikke længere adgang til forløbet. Det, vedkommende har skrevet, står stadig med navnet.", row.Name].Value;
        }
        else
        {
            await db.CoreTaskParticipants.Where(p => p.Id == row.Id).ExecuteDeleteAsync(ct);
            TempData["Success"] = l["{0} er fjernet fra forløbet.", row.Name].Value;
        }
        return Redirect($"/kerneopgave/{id}/deltagere");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        var owner = Head.CanManage;
        People = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).OrderBy(p => p.Role).ThenBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Role, p.IsOwner, p.UserId != null,
                owner ? db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).FirstOrDefault() : null))
            .ToListAsync(ct);
        return null;
    }
}
