using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Platforms;
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

    public sealed record Flag(int PlatformId, string Platform, RadarSignal Signal, string Text, string ActionText, string ActionUrl);

    public async Task<List<Flag>> ScanAsync(int initiativeId, CancellationToken ct = default)
    {
        var initiative = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == initiativeId, ct);
        var weeks = initiative.StagnationWeeks;
        var checkWeeks = initiative.RealityCheckIntervalWeeks;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var platforms = await db.Platforms.AsNoTracking().Where(p => p.InitiativeId == initiativeId && p.Status == PlatformStatus.Active).OrderBy(p => p.Name).ToListAsync(ct);
        var flags = new List<Flag>();
        foreach (var p in platforms)
        {
            var since = p.CreatedAt;
            var lastMeeting = await db.Meetings.Where(m => m.PlatformId == p.Id && m.CancelledAt == null && m.StartsAt <= now).MaxAsync(m => (DateTimeOffset?)m.StartsAt, ct) ?? since;
            var lastMeasurement = await db.GoalMeasurements.Where(m => db.Goals.Any(g => g.Id == m.GoalId && g.PlatformId == p.Id)).MaxAsync(m => (DateOnly?)m.MeasuredOn, ct);
            var lastObservation = await db.GoalObservations.Where(o => db.Goals.Any(g => g.Id == o.GoalId && g.PlatformId == p.Id)).MaxAsync(o => (DateOnly?)o.ObservedOn, ct);
            var lastRipple = await db.Ripples.Where(r => r.Platforms.Any(x => x.PlatformId == p.Id)).MaxAsync(r => (DateOnly?)r.HappenedOn, ct);
            var lastCheck = await db.RealityChecks.Where(c => c.PlatformId == p.Id).MaxAsync(c => (DateTimeOffset?)c.StartedAt, ct);

            int Weeks(DateTimeOffset t) => (int)((now - t).TotalDays / 7);
            int WeeksSince(DateOnly? d) => d is { } x ? (today.DayNumber - x.DayNumber) / 7 : Weeks(since);
            if (Weeks(lastMeeting) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoMeeting, l["{0}: intet møde i {1} uger.", p.Name, Weeks(lastMeeting)], l["Planlæg et møde"], $"/initiativer/{initiativeId}/moeder/nyt?type=PlatformMeeting&platform={p.Id}"));
            }
            var lastProgress = new[] { lastMeasurement, lastObservation }.Max();
            if (WeeksSince(lastProgress) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoMeasurement, l["{0}: ingen måling eller iagttagelse på målene i {1} uger.", p.Name, WeeksSince(lastProgress)], l["Se målene"], $"/platforme/{p.Id}/maal"));
            }
            if (WeeksSince(lastRipple) >= weeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoRipple, l["{0}: ingen ringe i vandet i {1} uger.", p.Name, WeeksSince(lastRipple)], l["Spørg platformen, hvad der er sket"], $"/initiativer/{initiativeId}/ringe/ny?platform={p.Id}"));
            }
            if (Weeks(lastCheck ?? since) >= checkWeeks)
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.NoRealityCheck, lastCheck is null ? l["{0}: har aldrig lavet et realitetstjek.", p.Name] : l["{0}: intet realitetstjek i {1} uger.", p.Name, Weeks(lastCheck.Value)],
                    l["Bed tovholderen starte et realitetstjek"], $"/platforme/{p.Id}/realitetstjek"));
            }
            var goals = await db.Goals.AsNoTracking().Where(g => g.PlatformId == p.Id && g.Status != GoalStatus.Dropped).ToListAsync(ct);
            foreach (var g in goals.Where(g => !g.HasBaseline))
            {
                flags.Add(new(p.Id, p.Name, RadarSignal.GoalWithoutBaseline, l["{0}: målet \"{1}\" mangler baseline.", p.Name, g.Title], l["Tilføj baseline"], $"/maal/{g.Id}/rediger"));
            }
            var recent = await db.Meetings.Where(m => m.PlatformId == p.Id && m.CancelledAt == null && m.StartsAt <= now && m.Invitations.Any(i => i.Attended != null))
                .OrderByDescending(m => m.StartsAt).Take(AbsentMeetings).Select(m => m.Id).ToListAsync(ct);
            if (recent.Count == AbsentMeetings)
            {
                var members = await db.PlatformMembers.Where(m => m.PlatformId == p.Id && m.LeftOn == null).Select(m => new { m.PersonId, m.Person!.Name, m.JoinedOn }).ToListAsync(ct);
                var attended = await db.Invitations.Where(i => recent.Contains(i.MeetingId) && i.Attended == true).Select(i => i.PersonId).Distinct().ToListAsync(ct);
                var invited = await db.Invitations.Where(i => recent.Contains(i.MeetingId)).GroupBy(i => i.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                foreach (var m in members.Where(m => !attended.Contains(m.PersonId) && invited.Any(i => i.Key == m.PersonId && i.Count == AbsentMeetings)))
                {
                    flags.Add(new(p.Id, p.Name, RadarSignal.MemberAbsent, l["{0}: {1} har ikke deltaget i de seneste {2} møder.", p.Name, m.Name, AbsentMeetings], l["Tag en snak – eller udskift aktøren"], $"/platforme/{p.Id}"));
                }
            }
        }
        return flags;
    }
}
