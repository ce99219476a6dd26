using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Radar;

public enum RadarSignal
{
    NoMeeting = 1,
    NoMeasurement = 2,
    NoRipple = 3,
    NoRealityCheck = 4,
    GoalWithoutBaseline = 5,
    MemberAbsent = 6,
}

/// <summary>
/// The stagnation radar (seed 001, phase 7: "react quickly when stagnation appears"): for each active platform, what
/// has gone quiet for longer than the initiative's threshold, goals without a baseline, and members who missed the
/// last meetings — each with the action to take.
/// </summary>
public sealed class StagnationRadar(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int AbsentMeetings = 3;

    /// <summary>How many absent members a flag names before it says "and N others".</summary>
    public const int ShownNames = 5;

    /// <summary>
    /// One thing gone quiet, with the action to take. <paramref name="Needs"/> is what the action's page asks of the
    /// viewer; whoever lacks it is told <paramref name="WhoCan"/> instead of being shown a link they cannot follow.
    /// </summary>
    public sealed record Flag(int PlatformId, string Platform, RadarSignal Signal, string Text, string ActionText, string ActionUrl, Operation Needs, string WhoCan);

    /// <summary>A fixed number of set-based queries, however many platforms the initiative has.</summary>
    public async Task<List<Flag>> ScanAsync(int initiativeId, CancellationToken ct = default)
    {
        var initiative = await db.Initiatives.AsNoTracking().Where(i => i.Id == initiativeId)
            .Select(i => new { i.StagnationWeeks, i.RealityCheckIntervalWeeks }).SingleAsync(ct);
        var weeks = initiative.StagnationWeeks;
        var checkWeeks = initiative.RealityCheckIntervalWeeks;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var platforms = await db.Platforms.AsNoTracking().Where(p => p.InitiativeId == initiativeId && p.Status == PlatformStatus.Active)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.CreatedAt }).ToListAsync(ct);
        if (platforms.Count == 0)
        {
            return [];
        }
        var active = db.Platforms.Where(p => p.InitiativeId == initiativeId && p.Status == PlatformStatus.Active).Select(p => p.Id);

        var lastMeetings = await db.Meetings.Where(m => m.PlatformId != null && active.Contains(m.PlatformId.Value) && m.CancelledAt == null && m.StartsAt <= now)
            .GroupBy(m => m.PlatformId!.Value).Select(g => new { g.Key, Last = g.Max(m => m.StartsAt) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastMeasurements = await db.GoalMeasurements.Join(db.Goals, m => m.GoalId, g => g.Id, (m, g) => new { g.PlatformId, m.MeasuredOn })
            .Where(x => active.Contains(x.PlatformId)).GroupBy(x => x.PlatformId).Select(g => new { g.Key, Last = g.Max(x => x.MeasuredOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastObservations = await db.GoalObservations.Join(db.Goals, o => o.GoalId, g => g.Id, (o, g) => new { g.PlatformId, o.ObservedOn })
            .Where(x => active.Contains(x.PlatformId)).GroupBy(x => x.PlatformId).Select(g => new { g.Key, Last = g.Max(x => x.ObservedOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastRipples = await db.Ripples.SelectMany(r => r.Platforms, (r, p) => new { p.PlatformId, r.HappenedOn })
            .Where(x => active.Contains(x.PlatformId)).GroupBy(x => x.PlatformId).Select(g => new { g.Key, Last = g.Max(x => x.HappenedOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastChecks = await db.RealityChecks.Where(c => active.Contains(c.PlatformId))
            .GroupBy(c => c.PlatformId).Select(g => new { g.Key, Last = g.Max(c => c.StartedAt) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var goals = await db.Goals.AsNoTracking().Where(g => active.Contains(g.PlatformId) && g.Status != GoalStatus.Dropped).ToListAsync(ct);

        // Absence: the last three meetings with attendance recorded, per platform.
        var attendedMeetings = await db.Meetings.Where(m => m.PlatformId != null && active.Contains(m.PlatformId.Value) && m.CancelledAt == null && m.StartsAt <= now
                && m.Invitations.Any(i => i.Attended != null))
            .Select(m => new { PlatformId = m.PlatformId!.Value, m.Id, m.StartsAt }).ToListAsync(ct);
        var recentByPlatform = attendedMeetings.GroupBy(m => m.PlatformId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.StartsAt).Take(AbsentMeetings).Select(m => m.Id).ToList());
        var recentIds = recentByPlatform.Values.Where(r => r.Count == AbsentMeetings).SelectMany(r => r).ToList();
        var invitations = recentIds.Count == 0 ? [] : await db.Invitations.Where(i => recentIds.Contains(i.MeetingId))
            .Select(i => new { i.MeetingId, i.PersonId, i.Attended }).ToListAsync(ct);
        var members = recentIds.Count == 0 ? [] : await db.PlatformMembers.Where(m => active.Contains(m.PlatformId) && m.LeftOn == null)
            .Select(m => new { m.PlatformId, m.PersonId, m.Person!.Name }).ToListAsync(ct);

        // Who was invited to each recent meeting, and whether they came: looked up, not scanned, per member.
        var invitationsByMeeting = invitations.GroupBy(i => i.MeetingId)
            .ToDictionary(g => g.Key, g => g.GroupBy(i => i.PersonId).ToDictionary(x => x.Key, x => x.Any(i => i.Attended == true) ? true : x.First().Attended));
        var flags = new List<Flag>();
        foreach (var p in platforms)
        {
            var since = p.CreatedAt;
            var lastMeeting = lastMeetings.TryGetValue(p.Id, out var lm) ? lm : since;
            DateOnly? Last(Dictionary<int, DateOnly> byPlatform) => byPlatform.TryGetValue(p.Id, out var d) ? d : null;
            DateTimeOffset? lastCheck = lastChecks.TryGetValue(p.Id, out var lc) ? lc : null;

            int Weeks(DateTimeOffset t) => (int)((now - t).TotalDays / 7);
            int WeeksSince(DateOnly? d) => d is { } x ? (today.DayNumber - x.DayNumber) / 7 : Weeks(since);
            if (Weeks(lastMeeting) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoMeeting, l["{0}: intet møde i {1} uger.", p.Name, Weeks(lastMeeting)], l["Planlæg et møde"], $"/initiativer/{initiativeId}/moeder/nyt?type=PlatformMeeting&platform={p.Id}",
                    Operation.PlanPlatformMeeting, l["Tovholderen planlægger platformens møder – spørg tovholderen."]));
            }
            var lastProgress = new[] { Last(lastMeasurements), Last(lastObservations) }.Max();
            if (WeeksSince(lastProgress) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoMeasurement, l["{0}: ingen måling eller iagttagelse på målene i {1} uger.", p.Name, WeeksSince(lastProgress)], l["Se målene"], $"/platforme/{p.Id}/maal",
                    Operation.ViewPlatform, l["Platformens medlemmer måler på målene."]));
            }
            if (WeeksSince(Last(lastRipples)) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoRipple, l["{0}: ingen ringe i vandet i {1} uger.", p.Name, WeeksSince(Last(lastRipples))], l["Spørg platformen, hvad der er sket"], $"/initiativer/{initiativeId}/ringe/ny?platform={p.Id}",
                    Operation.RegisterRipple, l["Initiativets aktører registrerer ringe i vandet – spørg platformen."]));
            }
            if (Weeks(lastCheck ?? since) >= checkWeeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoRealityCheck, lastCheck is null ? l["{0}: har aldrig lavet et realitetstjek.", p.Name] : l["{0}: intet realitetstjek i {1} uger.", p.Name, Weeks(lastCheck.Value)],
                    l["Bed tovholderen starte et realitetstjek"], $"/platforme/{p.Id}/realitetstjek", Operation.ViewPlatform, l["Tovholderen starter realitetstjekket."]));
            }
            foreach (var g in goals.Where(g => g.PlatformId == p.Id && !g.HasBaseline))
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.GoalWithoutBaseline, l["{0}: målet \"{1}\" mangler baseline.", p.Name, g.Title], l["Tilføj baseline"], $"/maal/{g.Id}/rediger",
                    Operation.EditPlatformContent, l["Platformens medlemmer sætter baseline – spørg dem."]));
            }
            if (recentByPlatform.TryGetValue(p.Id, out var recent) && recent.Count == AbsentMeetings)
            {
                // One flag per platform naming those who missed all of the last meetings, not one per person: a
                // platform with a dozen absent members is one conversation with its coordinator.
                var absent = members.Where(m => m.PlatformId == p.Id)
                    .Where(m => recent.Count(id => invitationsByMeeting.TryGetValue(id, out var who) && who.TryGetValue(m.PersonId, out var attended) && attended != true) == AbsentMeetings)
                    .Select(m => m.Name).Order(StringComparer.CurrentCulture).ToList();
                if (absent.Count > 0)
                {
                    var names = absent.Count <= ShownNames
                        ? Initiatives.TimelineEvents.JoinNames(absent, System.Globalization.CultureInfo.CurrentCulture)
                        : l["{0} og {1} andre", string.Join(", ", absent.Take(ShownNames)), absent.Count - ShownNames].Value;
                    flags.Add(new(p.Id, p.Name, RadarSignal.MemberAbsent, absent.Count == 1
                            ? l["{0}: {1} har ikke deltaget i de seneste {2} møder.", p.Name, names, AbsentMeetings]
                            : l["{0}: {1} har ikke deltaget i nogen af de seneste {2} møder.", p.Name, names, AbsentMeetings],
                        l["Tag en snak – eller udskift aktøren"], $"/platforme/{p.Id}", Operation.ViewPlatform, l["Tal med tovholderen om det."]));
                }
            }
        }
        return flags;
    }
}
