using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>Everything an edition says, gathered from the sections and from the initiative's data.</summary>
public sealed record CompiledEdition(
    int Id,
    int Number,
    string Title,
    string Initiative,
    string? Challenge,
    DateTimeOffset Date,
    string? MeetingTitle,
    DateTimeOffset? MeetingAt,
    string? Introduction,
    string? MinutesSummary,
    IReadOnlyList<CompiledEdition.Section> Sections,
    IReadOnlyList<string> Missing,
    IReadOnlyList<CompiledEdition.PlatformLine> Overview,
    IReadOnlyList<CompiledEdition.Change> Changes,
    IReadOnlyList<CompiledEdition.NewActor> NewActors,
    IReadOnlyList<CompiledEdition.RippleLine> Ripples,
    IReadOnlyList<CompiledEdition.Contact> Contacts,
    DateTimeOffset From,
    DateTimeOffset To)
{
    public sealed record Section(int PlatformId, string Platform, IReadOnlyList<string> Coordinators, IReadOnlyList<string> Actors, string? Focus, string? Progress, string? Challenges, string? NextSteps);
    public sealed record PlatformLine(string Name, PlatformStatus Status, string? Focus, IReadOnlyList<string> Coordinators, IReadOnlyList<string> Organisations);
    public sealed record Change(DateTimeOffset At, string What, string? Why);
    public sealed record NewActor(string Name, string? Organisation, IReadOnlyList<string> Platforms);
    public sealed record RippleLine(DateOnly On, string What, IReadOnlyList<string> Platforms);
    public sealed record Contact(string Name, string? Title, string? Organisation, string? Email, string? Phone);
}

/// <summary>
/// Compiles an edition: the ready sections in the anchor person's order, and what the edition adds by itself (overview
/// of the platforms, changes, new actors and ripples since the last edition, and the contact list of those who
/// consented). A handful of set-based queries, so an initiative of 50 platforms and 2,000 actors compiles quickly
/// (docs/benchmarks.md).
/// </summary>
public sealed class NewsletterCompiler(AppDbContext db, TimeProvider clock)
{
    /// <summary>Timeline kinds that are platform changes worth telling every actor about.</summary>
    public static readonly string[] ChangeKinds = ["platform.created", "platform.merged", "platform.standby", "platform.resumed", "platform.closed", "platform.focus"];

    private static readonly StringComparer Danish = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true);

    public async Task<CompiledEdition> CompileAsync(int newsletterId, CancellationToken ct = default)
    {
        var edition = await db.Newsletters.AsNoTracking().Include(n => n.Sections).SingleAsync(n => n.Id == newsletterId, ct);
        var initiative = await db.Initiatives.AsNoTracking().Where(i => i.Id == edition.InitiativeId)
            .Select(i => new { i.Title, i.SharedChallenge, i.CreatedAt }).SingleAsync(ct);
        var meeting = edition.MeetingId is int mid
            ? await db.Meetings.AsNoTracking().Where(m => m.Id == mid).Select(m => new { m.Title, m.StartsAt }).SingleOrDefaultAsync(ct)
            : null;
        var from = edition.CoversFrom ?? initiative.CreatedAt;
        var to = edition.SendStartedAt ?? clock.GetUtcNow();

        var platforms = await db.Platforms.AsNoTracking().Where(p => p.InitiativeId == edition.InitiativeId)
            .Select(p => new { p.Id, p.Name, p.Status, p.FocusArea }).ToListAsync(ct);
        var members = await db.PlatformMembers.AsNoTracking()
            .Where(m => m.Platform!.InitiativeId == edition.InitiativeId && m.LeftOn == null)
            .Select(m => new { m.PlatformId, m.IsCoordinator, m.Person!.Name, Organisation = m.Person.Organisation!.Name })
            .ToListAsync(ct);
        var byPlatform = members.ToLookup(m => m.PlatformId);

        IReadOnlyList<string> Coordinators(int platformId) =>
            byPlatform[platformId].Where(m => m.IsCoordinator).Select(m => m.Name).Order(Danish).ToList();

        var sections = new List<CompiledEdition.Section>();
        var missing = new List<string>();
        foreach (var s in edition.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id))
        {
            var platform = platforms.FirstOrDefault(p => p.Id == s.PlatformId);
            if (platform is null)
            {
                continue;
            }
            if (s.Status != SectionStatus.Ready)
            {
                missing.Add(platform.Name);
                continue;
            }
            var actors = byPlatform[s.PlatformId]
                .Select(m => m.Organisation is null ? m.Name : $"{m.Name} ({m.Organisation})")
                .Order(Danish).ToList();
            sections.Add(new CompiledEdition.Section(s.PlatformId, platform.Name, Coordinators(s.PlatformId), actors, s.Focus, s.Progress, s.Challenges, s.NextSteps));
        }

        var overview = platforms.Where(p => p.Status is PlatformStatus.Active or PlatformStatus.Standby)
            .OrderBy(p => p.Status).ThenBy(p => p.Name, Danish)
            .Select(p => new CompiledEdition.PlatformLine(p.Name, p.Status, p.FocusArea, Coordinators(p.Id),
                byPlatform[p.Id].Select(m => m.Organisation).OfType<string>().Distinct().Order(Danish).ToList()))
            .ToList();

        var changes = await db.Timeline.AsNoTracking()
            .Where(t => t.InitiativeId == edition.InitiativeId && ChangeKinds.Contains(t.Kind) && t.At > from && t.At <= to)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new CompiledEdition.Change(t.At, t.What, t.Why)).ToListAsync(ct);

        var newcomers = await db.InitiativeMembers.AsNoTracking()
            .Where(m => m.InitiativeId == edition.InitiativeId && m.AddedAt > from && m.AddedAt <= to)
            .Select(m => new { m.PersonId, m.Person!.Name, Organisation = m.Person.Organisation!.Name }).ToListAsync(ct);
        var newcomerIds = newcomers.Select(n => n.PersonId).ToList();
        var newcomerPlatforms = (await db.PlatformMembers.AsNoTracking()
            .Where(m => newcomerIds.Contains(m.PersonId) && m.LeftOn == null && m.Platform!.InitiativeId == edition.InitiativeId)
            .Select(m => new { m.PersonId, m.Platform!.Name }).ToListAsync(ct)).ToLookup(m => m.PersonId, m => m.Name);
        var newActors = newcomers.OrderBy(n => n.Name, Danish)
            .Select(n => new CompiledEdition.NewActor(n.Name, n.Organisation, newcomerPlatforms[n.PersonId].Order(Danish).ToList())).ToList();

        var fromDay = DateOnly.FromDateTime(from.ToDanish().DateTime);
        var toDay = DateOnly.FromDateTime(to.ToDanish().DateTime);
        var ripples = (await RippleLog.ListAsync(db, edition.InitiativeId,
                RippleLog.Query(db, edition.InitiativeId, new RippleLog.Filter(From: fromDay.AddDays(1), To: toDay)), ct))
            .OrderBy(r => r.HappenedOn).Select(r => new CompiledEdition.RippleLine(r.HappenedOn, r.What, r.Platforms)).ToList();

        // Contact details only of those who consented to share them in this initiative (ActorOverviewQuery holds the same rule).
        var contacts = (await db.InitiativeMembers.AsNoTracking()
                .Where(m => m.InitiativeId == edition.InitiativeId && m.SharesContactDetails && m.Person!.AnonymisedAt == null)
                .Select(m => new CompiledEdition.Contact(m.Person!.Name, m.Person.Title, m.Person.Organisation!.Name, m.Person.Email, m.Person.Phone))
                .ToListAsync(ct))
            .DistinctBy(c => (c.Name, c.Email)).OrderBy(c => c.Name, Danish).ToList();

        return new CompiledEdition(edition.Id, edition.Number, edition.Title, initiative.Title, initiative.SharedChallenge,
            edition.SendStartedAt ?? meeting?.StartsAt ?? edition.CreatedAt, meeting?.Title, meeting?.StartsAt,
            edition.Introduction, edition.MinutesSummary, sections, missing, overview, changes, newActors, ripples, contacts, from, to);
    }

    /// <summary>
    /// A starting point for a platform's "progress since last time": goal measurements and observations, ripples and the
    /// latest reality check since <paramref name="from"/>, as Markdown the members then edit.
    /// </summary>
    public async Task<string> SuggestProgressAsync(int platformId, DateTimeOffset from, CancellationToken ct = default)
    {
        var fromDay = DateOnly.FromDateTime(from.ToDanish().DateTime);
        var da = CultureInfo.GetCultureInfo("da-DK");
        var lines = new List<string>();
        var goals = await db.Goals.AsNoTracking().Include(g => g.Measurements).Include(g => g.Observations).AsSplitQuery()
            .Where(g => g.PlatformId == platformId).OrderBy(g => g.Title).ToListAsync(ct);
        foreach (var g in goals)
        {
            var latest = g.Measurements.Where(m => m.MeasuredOn > fromDay).OrderBy(m => m.MeasuredOn).LastOrDefault();
            if (latest is not null)
            {
                var unit = string.IsNullOrWhiteSpace(g.Unit) ? "" : " " + g.Unit;
                var baseline = g.BaselineValue is { } b ? $", baseline {GoalInput.Format(b)}{unit}" : "";
                var target = g.TargetValue is { } t ? $", mål {GoalInput.Format(t)}{unit}" : "";
                lines.Add($"- **{g.Title}**: {GoalInput.Format(latest.Value)}{unit} den {latest.MeasuredOn.ToText("d. MMMM yyyy", da)}{baseline}{target}.");
            }
            foreach (var o in g.Observations.Where(o => o.ObservedOn > fromDay).OrderBy(o => o.ObservedOn))
            {
                lines.Add($"- **{g.Title}** ({o.ObservedOn.ToText("d. MMMM", da)}): {o.Text}");
            }
        }
        var ripples = await db.Ripples.AsNoTracking()
            .Where(r => r.HappenedOn > fromDay && r.Platforms.Any(p => p.PlatformId == platformId))
            .OrderBy(r => r.HappenedOn).Select(r => r.What).ToListAsync(ct);
        lines.AddRange(ripples.Select(r => $"- Ring i vandet: {r}"));
        var check = await db.RealityChecks.AsNoTracking()
            .Where(c => c.PlatformId == platformId && c.ClosedAt != null && c.Summary != null)
            .OrderByDescending(c => c.ClosedAt).FirstOrDefaultAsync(ct);
        if (check is not null)
        {
            lines.Add($"- Realitetstjek {check.ClosedAt!.Value.ToDanish().ToText("d. MMMM yyyy", da)}: {check.Summary}");
        }
        return string.Join('\n', lines);
    }
}
