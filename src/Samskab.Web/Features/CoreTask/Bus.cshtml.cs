using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.CoreTask;

public static class CoreTaskBus
{
    /// <summary>Every stop of the process's rides, named for a select list: "Tur med byrådet – 2. Torvet".</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> StopNamesAsync(AppDbContext db, int processId, CancellationToken ct) =>
        (await db.CoreTaskBusStops.Where(s => db.CoreTaskBusRides.Any(r => r.Id == s.RideId && r.ProcessId == processId))
            .OrderBy(s => s.RideId).ThenBy(s => s.At).ThenBy(s => s.Id).Take(BusModel.MaxStops * BusModel.MaxRides)
            .Select(s => new { s.Id, s.Place, Ride = db.CoreTaskBusRides.Where(r => r.Id == s.RideId).Select(r => r.Title).First() }).ToListAsync(ct))
        .Select(s => (s.Id, s.Ride + " – " + s.Place)).ToList();
}

/// <summary>The future bus (fremtidsbussen): rides with their stops (place, time), the dialogue at each stop noted beside
/// the photos taken on the way to it.</summary>
public class BusModel(AppDbContext db, CoreTaskAccess access, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxRides = 20;
    public const int MaxStops = 30;
    public const int PhotosPerStop = 24;

    public sealed class RideInput
    {
        [Required(ErrorMessage = "Giv turen et navn.")]
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Navnet må højst være 160 tegn.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Skriv turens dato.")]
        public DateOnly? RideOn { get; set; }
    }

    public sealed class StopInput
    {
        public int RideId { get; set; }

        [Required(ErrorMessage = "Skriv, hvor bussen holder.")]
        [StringLength(CoreTaskRules.NameLength, ErrorMessage = "Stedet må højst være 160 tegn.")]
        public string Place { get; set; } = "";

        public TimeOnly? At { get; set; }
    }

    public sealed class DialogueInput
    {
        public int StopId { get; set; }

        [StringLength(CoreTaskRules.MaterialLength, ErrorMessage = "Noterne fra dialogen må højst være 4000 tegn.")]
        public string? Dialogue { get; set; }
    }

    public sealed record PhotoRow(int Id, string Key, string Caption, string Author);
    public sealed record StopRow(int Id, string Place, TimeOnly? At, string? Dialogue, IReadOnlyList<PhotoRow> Photos);
    public sealed record RideRow(int Id, string Title, DateOnly RideOn, IReadOnlyList<StopRow> Stops);

    public CoreTaskHead Head { get; private set; } = null!;
    public bool CanCollect { get; private set; }
    public IReadOnlyList<RideRow> Rides { get; private set; } = [];

    /// <summary>The form that failed, with its id, so its values and message are shown where it is.</summary>
    public int? FailedStopFormRideId { get; private set; }
    public int? FailedDialogueStopId { get; private set; }
    public string? AttemptedTime { get; private set; }

    [BindProperty] public RideInput Ride { get; set; } = new();
    [BindProperty] public StopInput Stop { get; set; } = new();
    [BindProperty] public DialogueInput Note { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRideAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Ride, nameof(Ride));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect) return this.Refuse();
        if (Rides.Count >= MaxRides)
        {
            ModelState.AddModelError("Ride.Title", l["Et forløb kan højst have 20 ture med fremtidsbussen."]);
        }
        if (!ModelState.IsValid) return Page();
        var ride = new CoreTaskBusRide { ProcessId = id, Title = Ride.Title.Trim(), RideOn = Ride.RideOn!.Value, CreatedAt = clock.GetUtcNow() };
        db.CoreTaskBusRides.Add(ride);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Turen er oprettet. Tilføj bussens stop."].Value;
        return Redirect($"/kerneopgave/{id}/fremtidsbussen#tur-{ride.Id}");
    }

    public async Task<IActionResult> OnPostStopAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Stop, nameof(Stop));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect) return this.Refuse();
        var ride = Rides.FirstOrDefault(r => r.Id == Stop.RideId);
        if (ride is null) return NotFound();
        if (ride.Stops.Count >= MaxStops)
        {
            ModelState.AddModelError("Stop.Place", l["En tur kan højst have 30 stop."]);
        }
        if (!ModelState.IsValid)
        {
            FailedStopFormRideId = ride.Id;
            AttemptedTime = ModelState["Stop.At"]?.AttemptedValue;
            MoveErrors("Stop.Place", "place-" + ride.Id);
            MoveErrors("Stop.At", "at-" + ride.Id);
            return Page();
        }
        var stop = new CoreTaskBusStop { RideId = ride.Id, Place = Stop.Place.Trim(), At = Stop.At, CreatedAt = clock.GetUtcNow() };
        db.CoreTaskBusStops.Add(stop);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Stoppet er tilføjet."].Value;
        return Redirect($"/kerneopgave/{id}/fremtidsbussen#stop-{stop.Id}");
    }

    public async Task<IActionResult> OnPostDialogueAsync(int id, CancellationToken ct)
    {
        this.ValidateOnly(Note, nameof(Note));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanCollect) return this.Refuse();
        var stop = await db.CoreTaskBusStops.SingleOrDefaultAsync(s => s.Id == Note.StopId && db.CoreTaskBusRides.Any(r => r.Id == s.RideId && r.ProcessId == id), ct);
        if (stop is null) return NotFound();
        if (!ModelState.IsValid)
        {
            FailedDialogueStopId = stop.Id;
            MoveErrors("Note.Dialogue", "dialogue-" + stop.Id);
            return Page();
        }
        stop.Dialogue = string.IsNullOrWhiteSpace(Note.Dialogue) ? null : Note.Dialogue.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Noterne fra stoppet er gemt."].Value;
        return Redirect($"/kerneopgave/{id}/fremtidsbussen#stop-{stop.Id}");
    }

    /// <summary>A form repeated per ride or stop reports its error under the id of its own field, so the error summary
    /// links to the right one.</summary>
    private void MoveErrors(string from, string to)
    {
        if (ModelState.TryGetValue(from, out var entry) && entry.Errors.Count > 0)
        {
            foreach (var e in entry.Errors.ToList())
            {
                ModelState.AddModelError(to, e.ErrorMessage.Length > 0 ? e.ErrorMessage : l["Skriv klokkeslættet som tt:mm, fx 14:30."]);
            }
            ModelState.Remove(from);
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (head, refused) = await access.OpenAsync(this, id, ct);
        if (refused is not null) return refused;
        Head = head!;
        CanCollect = Head.MeId is not null && await this.CanAsync(auth, AccessScope.ForCoreTask(id), Operation.CollectCoreTaskMaterial);
        var rides = await db.CoreTaskBusRides.Where(r => r.ProcessId == id).OrderBy(r => r.RideOn).ThenBy(r => r.Id).Take(MaxRides)
            .Select(r => new { r.Id, r.Title, r.RideOn }).ToListAsync(ct);
        var rideIds = rides.Select(r => r.Id).ToList();
        var stops = await db.CoreTaskBusStops.Where(s => rideIds.Contains(s.RideId)).OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.RideId, s.Place, s.At, s.Dialogue }).ToListAsync(ct);
        var stopIds = stops.Select(s => s.Id).ToList();
        var photos = await db.CoreTaskMaterials.Where(m => m.ProcessId == id && m.BusStopId != null && stopIds.Contains(m.BusStopId.Value) && m.PhotoKey != null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, StopId = m.BusStopId!.Value, Key = m.PhotoKey!, m.Text, Author = m.Author!.Name }).ToListAsync(ct);
        Rides = rides.Select(r => new RideRow(r.Id, r.Title, r.RideOn,
            stops.Where(s => s.RideId == r.Id).Take(MaxStops).Select(s => new StopRow(s.Id, s.Place, s.At, s.Dialogue,
                photos.Where(p => p.StopId == s.Id).Take(PhotosPerStop).Select(p => new PhotoRow(p.Id, p.Key, p.Text, p.Author)).ToList())).ToList())).ToList();
        return null;
    }
}
