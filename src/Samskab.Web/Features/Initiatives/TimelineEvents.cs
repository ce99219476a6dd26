using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

/// <summary>How an argument of a history sentence is stored and shown.</summary>
public enum ArgKind
{
    /// <summary>Text as people wrote it (a name, a title): shown as it is.</summary>
    Text,

    /// <summary>A resource key (a role, a status): shown in the reader's language.</summary>
    Key,

    /// <summary>A resource key shown in lower case, inside a sentence.</summary>
    KeyLower,

    /// <summary>A moment (ISO 8601), shown as date and time in Danish time, the reader's way.</summary>
    Instant,

    /// <summary>A day (yyyy-MM-dd), shown the reader's way.</summary>
    Day,

    /// <summary>Names (one per line), joined as the reader's language joins a list ("A, B og C" / "A, B and C").</summary>
    Names,

    /// <summary>Resource keys (one per line), each in the reader's language and in lower case, joined with commas.</summary>
    Keys,
}

/// <summary>One sentence of the history: a template (a Danish resource key with {0}…) and what goes into it.</summary>
public sealed record HistoryTemplate(string Id, string Danish, ArgKind[] Args, string[][]? Candidates = null);

/// <summary>A stored sentence: the template's id and its arguments, as stored.</summary>
public sealed record HistoryPart(string T, string[] A);

/// <summary>An event for the timeline: its kind and the sentences that tell it.</summary>
public sealed record TimelineEvent(string Kind, IReadOnlyList<HistoryPart> Parts)
{
    /// <summary>How a platform change was decided ("Vedtaget ved konsent af …"), told after the change itself.</summary>
    public TimelineEvent Then(HistoryPart? part) => part is null ? this : this with { Parts = [.. Parts, part] };
}

/// <summary>
/// The history is data, not prose (STYLE.md): each entry stores its event kind and the parts of its sentence, and is
/// written out in the reader's language when shown. <see cref="TimelineEntry.What"/> keeps the Danish sentence for
/// the API, the newsletter and older readers.
/// </summary>
public static class TimelineEvents
{
    private static readonly string[] GoalStatuses = Enum.GetValues<GoalStatus>().Select(GoalText.Status).ToArray();
    private static readonly string[] GoalKinds = Enum.GetValues<GoalKind>().Select(GoalText.Kind).ToArray();
    private static readonly string[] RolesText = Enum.GetValues<InitiativeRole>().Select(ActorText.Role).ToArray();
    private static readonly string[] Outcomes = Enum.GetValues<ProposedChange>().Select(RealityCheckText.Change).ToArray();
    private static readonly string[] ProposalKinds = Enum.GetValues<ProposalKind>().Select(PlatformText.Kind).ToArray();
    private static readonly string[] PhaseNames = Phases.All.Select(p => p.Name).ToArray();
    private static readonly string[] InitiativeFields = ["Titel", "fælles udfordring", "Spilleregler"];

    private static HistoryTemplate T(string id, string danish, params ArgKind[] args) => new(id, danish, args);

    private static HistoryTemplate T(string id, string danish, ArgKind[] args, params string[][] candidates) => new(id, danish, args, candidates);

    private static readonly ArgKind[] TextKeyLower = [ArgKind.Text, ArgKind.KeyLower];

    public static readonly IReadOnlyList<HistoryTemplate> All =
    [
        T("goal.status", "Målet \"{0}\" er nu: {1}.", TextKeyLower, [], GoalStatuses),
        T("goal.created", "Nyt mål på {0}: {1} ({2}).", [ArgKind.Text, ArgKind.Text, ArgKind.KeyLower], [], [], GoalKinds),
        T("newsletter.public.on", "Nyhedsbrev nr. {0} er offentliggjort uden kontaktoplysninger.", ArgKind.Text),
        T("newsletter.public.off", "Nyhedsbrev nr. {0} er ikke længere offentligt.", ArgKind.Text),
        T("newsletter.opened", "Nyhedsbrev nr. {0} er åbnet: {1}.", ArgKind.Text, ArgKind.Text),
        T("newsletter.sent", "Nyhedsbrev nr. {0} sendes: {1}.", ArgKind.Text, ArgKind.Text),
        T("actor.consent.given", "{0} har givet samtykke til at dele kontaktoplysninger.", ArgKind.Text),
        T("actor.consent.withdrawn", "{0} har trukket samtykket til at dele kontaktoplysninger tilbage.", ArgKind.Text),
        T("actor.role.wg", "{0} er nu {1} og i arbejdsgruppen.", TextKeyLower, [], RolesText),
        T("actor.role", "{0} er nu {1}.", TextKeyLower, [], RolesText),
        T("actor.added", "{0} er kommet med i initiativet som {1}.", TextKeyLower, [], RolesText),
        T("meeting.changed.place", "{0} er flyttet til {1}, {2}.", ArgKind.Text, ArgKind.Instant, ArgKind.Text),
        T("meeting.changed", "{0} er flyttet til {1}.", ArgKind.Text, ArgKind.Instant),
        T("meeting.cancelled", "{0} ({1}) er aflyst.", ArgKind.Text, ArgKind.Day),
        T("meeting.decision", "Beslutning på {0}: {1}", ArgKind.Text, ArgKind.Text),
        T("meeting.planned.one", "{0} er planlagt til {1} med én inviteret.", ArgKind.Text, ArgKind.Instant),
        T("meeting.planned", "{0} er planlagt til {1} med {2} inviterede.", ArgKind.Text, ArgKind.Instant, ArgKind.Text),
        T("initiative.created.api", "Initiativet \"{0}\" er oprettet (via API).", ArgKind.Text),
        T("initiative.created", "Initiativet \"{0}\" er oprettet med {1} som ankerperson.", ArgKind.Text, ArgKind.Text),
        T("initiative.edited", "Initiativet er redigeret: {0}.", [ArgKind.Keys], InitiativeFields),
        T("initiative.phase", "Initiativet gik fra fase {0} ({1}) til fase {2} ({3}).", [ArgKind.Text, ArgKind.Key, ArgKind.Text, ArgKind.Key], [], PhaseNames, [], PhaseNames),
        T("realitycheck.closed", "Realitetstjek på {0}: {1}.", TextKeyLower, [], Outcomes),
        T("realitycheck.started", "Realitetstjek startet på {0}.", ArgKind.Text),
        T("platform.created.api", "Udviklingsplatformen {0} er oprettet (via API).", ArgKind.Text),
        T("platform.created.one-coordinator", "Udviklingsplatformen {0} er oprettet med {1} medlemmer og {2} som tovholder.", ArgKind.Text, ArgKind.Text, ArgKind.Names),
        T("platform.created.coordinators", "Udviklingsplatformen {0} er oprettet med {1} medlemmer og {2} som tovholdere.", ArgKind.Text, ArgKind.Text, ArgKind.Names),
        T("platform.created.single", "Udviklingsplatformen {0} er oprettet med 1 medlem.", ArgKind.Text),
        T("platform.created", "Udviklingsplatformen {0} er oprettet med {1} medlemmer.", ArgKind.Text, ArgKind.Text),
        T("platform.focus.first", "Nyt fokus for {0}: {1} (før: intet).", ArgKind.Text, ArgKind.Text),
        T("platform.focus", "Nyt fokus for {0}: {1} (før: {2}).", ArgKind.Text, ArgKind.Text, ArgKind.Text),
        T("platform.focus.short", "Nyt fokus for {0}: {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.standby.until", "{0} er sat på standby til {1}.", ArgKind.Text, ArgKind.Day),
        T("platform.standby", "{0} er sat på standby.", ArgKind.Text),
        T("platform.resumed", "{0} er genoptaget.", ArgKind.Text),
        T("platform.closed", "{0} er lukket.", ArgKind.Text),
        T("platform.merged-in", "{0} er lagt sammen med {1}; medlemmer og historik er ført over.", ArgKind.Text, ArgKind.Text),
        T("platform.merged", "{0} er lagt sammen med {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.edited.both", "Platformen er ændret – navn: {0} → {1}; fokus: {2}.", ArgKind.Text, ArgKind.Text, ArgKind.Text),
        T("platform.edited.name", "Platformen er ændret – navn: {0} → {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.edited.focus", "Platformen er ændret – fokus: {0}.", ArgKind.Text),
        T("platform.member-joined.coordinator", "{0} er kommet med på {1} som tovholder.", ArgKind.Text, ArgKind.Text),
        T("platform.member-joined", "{0} er kommet med på {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.coordinator.on", "{0} er nu tovholder for {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.coordinator.off", "{0} er ikke længere tovholder for {1}.", ArgKind.Text, ArgKind.Text),
        T("platform.member-left", "{0} har forladt {1}.", ArgKind.Text, ArgKind.Text),
        T("proposal.made", "Forslag til {0}: {1}.", [ArgKind.Text, ArgKind.Key], [], ProposalKinds),
        T("proposal.agreed", "{0} tilslutter sig forslaget: {1}.", [ArgKind.Text, ArgKind.Key], [], ProposalKinds),
        T("proposal.objected", "{0} gør indsigelse mod forslaget: {1}.", [ArgKind.Text, ArgKind.Key], [], ProposalKinds),
        T("proposal.withdrawn", "Forslaget \"{0}\" er trukket tilbage.", [ArgKind.Key], ProposalKinds),
        T("decided.consent", "Vedtaget ved konsent af: {0}.", ArgKind.Names),
        T("decided.consent.short", "Vedtaget ved konsent."),
        T("decided.anchor", "Gennemført af ankerpersonen for hele initiativet."),
        T("decided.anchor.api", "Gennemført af ankerpersonen (via API)."),
        // Anything older that fits no template is kept word for word.
        T("text", "{0}", ArgKind.Text),
    ];

    private static readonly Dictionary<string, HistoryTemplate> ById = All.ToDictionary(t => t.Id);

    public static HistoryPart Part(string id, params string[] args)
    {
        var template = ById[id];
        if (template.Args.Length != args.Length)
        {
            throw new ArgumentException($"History template {id} takes {template.Args.Length} arguments, not {args.Length}.", nameof(args));
        }
        return new HistoryPart(id, args);
    }

    public static TimelineEvent Event(string kind, string id, params string[] args) => new(kind, [Part(id, args)]);

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Names(IEnumerable<string> names) => string.Join('\n', names);

    /// <summary>A new platform with its members and coordinators, in the right number ("som tovholder" / "som tovholdere").</summary>
    public static TimelineEvent PlatformCreated(string platform, int members, IReadOnlyList<string> coordinators) => new("platform.created", [coordinators.Count switch
    {
        0 when members == 1 => Part("platform.created.single", platform),
        0 => Part("platform.created", platform, members.ToString(CultureInfo.InvariantCulture)),
        1 => Part("platform.created.one-coordinator", platform, members.ToString(CultureInfo.InvariantCulture), Names(coordinators)),
        _ => Part("platform.created.coordinators", platform, members.ToString(CultureInfo.InvariantCulture), Names(coordinators)),
    }]);

    /// <summary>How a platform's change was decided: by consent of the members named, or by the anchor person.</summary>
    public static HistoryPart ByConsent(IEnumerable<string> names) => Part("decided.consent", Names(names));

    /// <summary>Letters stay letters in the stored JSON ("Søren", not "S\u00F8ren"), so erasing a name finds it.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IReadOnlyList<HistoryPart> parts) => JsonSerializer.Serialize(parts, Json);

    /// <summary>A text as it appears inside the stored JSON (quotes and backslashes escaped).</summary>
    public static string InJson(string text) => JsonSerializer.Serialize(text, Json)[1..^1];

    /// <summary>
    /// Gives entries written before the history was stored as data their parts, read back from the Danish sentence,
    /// so that they too are shown in the reader's language. Runs at start-up, in batches, until none is left.
    /// </summary>
    public static async Task UpgradeLegacyAsync(Infrastructure.Data.AppDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Timeline.Where(t => t.Data == null).OrderBy(t => t.Id).Take(500), ct);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var entry in batch)
            {
                entry.Data = Serialize(Parse(entry.What));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public static IReadOnlyList<HistoryPart>? Deserialize(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<List<HistoryPart>>(data, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The sentence in the reader's language (the request's culture), or the stored Danish one for older entries.</summary>
    public static string Render(string? data, string what, IStringLocalizer l) =>
        Deserialize(data) is { Count: > 0 } parts
            ? Render(parts, (key, args) => l[key, args].Value, key => l[key].Value, CultureInfo.CurrentCulture)
            : what;

    private static readonly CultureInfo DanishCulture = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The Danish sentence, as stored in <see cref="TimelineEntry.What"/>.</summary>
    public static string Danish(IReadOnlyList<HistoryPart> parts) =>
        Render(parts, (key, args) => string.Format(DanishCulture, key, args), key => key, DanishCulture);

    private static string Render(IReadOnlyList<HistoryPart> parts, Func<string, object[], string> format, Func<string, string> key, CultureInfo culture)
    {
        var sentences = new List<string>();
        foreach (var part in parts)
        {
            if (!ById.TryGetValue(part.T, out var template))
            {
                continue;
            }
            var args = template.Args.Select((kind, i) => (object)Arg(kind, i < part.A.Length ? part.A[i] : "", key, culture)).ToArray();
            sentences.Add(template.Id == "text" ? part.A.FirstOrDefault() ?? "" : format(template.Danish, args));
        }
        return string.Join(' ', sentences);
    }

    private static string Arg(ArgKind kind, string value, Func<string, string> key, CultureInfo culture) => kind switch
    {
        ArgKind.Key => key(value),
        ArgKind.KeyLower => key(value).ToLower(culture),
        ArgKind.Instant => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.ToDanish().ToText("d. MMMM yyyy 'kl.' HH.mm", culture) : value,
        ArgKind.Day => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToText("d. MMMM yyyy", culture) : value,
        ArgKind.Names => JoinNames(value.Split('\n', StringSplitOptions.RemoveEmptyEntries), culture),
        ArgKind.Keys => string.Join(", ", value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(k => key(k).ToLower(culture))),
        _ => value,
    };

    public static string JoinNames(IReadOnlyList<string> names, CultureInfo culture)
    {
        var and = culture.TwoLetterISOLanguageName == "da" ? " og " : " and ";
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + and + names[^1],
        };
    }

    /// <summary>
    /// Reads an older entry's Danish sentence back into parts (the history was stored as prose before), trying the
    /// templates as they were written then, with the decision ("Vedtaget ved konsent af …") as a second part.
    /// </summary>
    public static IReadOnlyList<HistoryPart> Parse(string what)
    {
        foreach (var template in All.Where(t => t.Id != "text" && !t.Id.StartsWith("decided.", StringComparison.Ordinal)))
        {
            var match = LegacyPattern(template).Match(what);
            if (!match.Success)
            {
                continue;
            }
            var args = new string[template.Args.Length];
            var ok = true;
            for (var i = 0; i < template.Args.Length && ok; i++)
            {
                var raw = match.Groups["a" + i].Value;
                var candidates = template.Candidates is { } c && i < c.Length ? c[i] : [];
                (ok, args[i]) = LegacyArg(template.Args[i], raw, candidates);
            }
            if (!ok)
            {
                continue;
            }
            var parts = new List<HistoryPart> { new(template.Id, args) };
            var how = match.Groups["how"].Value.Trim();
            if (how.Length > 0)
            {
                parts.Add(ParseDecision(how));
            }
            return parts;
        }
        return [new HistoryPart("text", [what])];
    }

    private static HistoryPart ParseDecision(string how)
    {
        var consent = Regex.Match(how, "^Vedtaget ved konsent af: (?<n>.+)\\.$");
        if (consent.Success)
        {
            return Part("decided.consent", Names(consent.Groups["n"].Value.Split([", ", " og "], StringSplitOptions.RemoveEmptyEntries)));
        }
        return how switch
        {
            "Vedtaget ved konsent." => Part("decided.consent.short"),
            "Gennemført af ankerpersonen for hele initiativet." => Part("decided.anchor"),
            "Gennemført af ankerpersonen (via API)." => Part("decided.anchor.api"),
            _ => new HistoryPart("text", [how]),
        };
    }

    private static readonly Dictionary<string, Regex> Patterns = [];

    private static Regex LegacyPattern(HistoryTemplate template)
    {
        lock (Patterns)
        {
            if (!Patterns.TryGetValue(template.Id, out var regex))
            {
                var body = Regex.Replace(Regex.Escape(template.Danish), @"\\\{(\d)}", m => $"(?<a{m.Groups[1].Value}>.+?)");
                regex = new Regex("^" + body + "(?: (?<how>.+))?$", RegexOptions.Singleline);
                Patterns[template.Id] = regex;
            }
            return regex;
        }
    }

    private static (bool, string) LegacyArg(ArgKind kind, string raw, string[] candidates)
    {
        switch (kind)
        {
            case ArgKind.Key or ArgKind.KeyLower:
                var key = candidates.FirstOrDefault(c => string.Equals(c, raw, StringComparison.OrdinalIgnoreCase));
                return (key is not null, key ?? raw);
            case ArgKind.Keys:
                var keys = raw.Split(", ").Select(r => candidates.FirstOrDefault(c => string.Equals(c, r, StringComparison.OrdinalIgnoreCase))).ToList();
                return (keys.All(k => k is not null), string.Join('\n', keys));
            case ArgKind.Instant:
                return DateTime.TryParseExact(raw, "dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    && Meetings.MeetingInput.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)) is { } utc
                    ? (true, Instant(utc)) : (false, raw);
            case ArgKind.Day:
                return DateOnly.TryParseExact(raw, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (true, Day(day)) : (false, raw);
            case ArgKind.Names:
                return (true, Names(raw.Split([", ", " og "], StringSplitOptions.RemoveEmptyEntries)));
            default:
                return (true, raw);
        }
    }
}
