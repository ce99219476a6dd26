using System.Globalization;
using System.Text.RegularExpressions;

namespace Samskab.Web.Features.CoreTask;

/// <summary>What the check concludes about a core-task formulation (seed 004): written from the staff's home ground
/// (1.0), from the citizen's experienced welfare (2.0), or neither clearly.</summary>
public enum CoreTaskVersion
{
    Unclear,
    Version1,
    Version2,
}

/// <summary>One piece of advice, pointing at the words it is about (Start and Length in the checked text).</summary>
/// <param name="Rule">A stable rule id: activity-verb, passive, staff-first, citizen-plural, no-citizen, no-effect,
/// no-time-horizon, no-co-creation, one-profession.</param>
/// <param name="Start">Where the words start in the checked text.</param>
/// <param name="Length">How long they are (the whole text for advice about all of it).</param>
/// <param name="Words">The words pointed at, as written (empty for advice about the whole text).</param>
public sealed record CoreTaskFinding(string Rule, int Start, int Length, string Words);

public sealed record CoreTaskCheckResult(CoreTaskVersion Version, IReadOnlyList<CoreTaskFinding> Findings)
{
    public string VersionName => Version switch
    {
        CoreTaskVersion.Version1 => "1.0",
        CoreTaskVersion.Version2 => "2.0",
        _ => "unclear",
    };
}

/// <summary>
/// The 1.0 / 2.0 check: a rule-based reviewer of Danish core-task formulations. A formulation is 1.0 when a sentence
/// has the professionals do something (an activity verb such as undervise, understøtte, tilbyde, sikre, with the unit,
/// "vi" or a profession as its subject, or in the passive) and says nothing of what the citizen experiences. It is 2.0
/// when no sentence is 1.0, the citizen is named in the singular, and an experienced value or effect is there. It
/// advises and never blocks. Findings about words come first, in the order of the text, then advice about the whole. Pure: no database, no clock, no culture; the page and the API put the messages into words.
/// </summary>
public static partial class CoreTaskCheck
{
    public const int MaxLength = 4000;

    // Activity verbs in every inflection a formulation uses: infinitive, present, passive, past, participle.
    private static readonly Dictionary<string, string> ActivityForms = BuildActivityForms(
        ("undervise", "underviser undervises underviste undervist"),
        ("understøtte", "understøtter understøttes understøttede understøttet"),
        ("tilbyde", "tilbyder tilbydes tilbød tilbudt"),
        ("sikre", "sikrer sikres sikrede sikret"),
        ("varetage", "varetager varetages varetog varetaget"),
        ("levere", "leverer leveres leverede leveret"),
        ("yde", "yder ydes ydede ydet"),
        ("behandle", "behandler behandles behandlede behandlet"),
        ("hjælpe", "hjælper hjælpes hjalp hjulpet hjulpen"),
        ("servicere", "servicerer serviceres servicerede serviceret"),
        ("støtte", "støtter støttes støttede støttet"),
        ("vejlede", "vejleder vejledes vejledte vejledt"),
        ("rådgive", "rådgiver rådgives rådgav rådgivet"),
        ("pleje", "plejer plejes plejede plejet"));

    private static readonly HashSet<string> Participles = new(ActivityForms.Keys.Where(f =>
        f.EndsWith('t') || f == "hjulpen"), StringComparer.Ordinal);

    // Infinitives that are also nouns or adjectives ("omsorg og pleje", "sikre rammer"): verbs only after "at" or a modal.
    private static readonly HashSet<string> AmbiguousInfinitives = new(["støtte", "pleje", "sikre", "yde"], StringComparer.Ordinal);

    private static readonly HashSet<string> InfinitiveMarkers = new(["at", "skal", "vil", "kan", "må", "bør", "skulle", "ville", "kunne"], StringComparer.Ordinal);

    private static readonly HashSet<string> PassiveAuxiliaries = new(["bliver", "blive", "blev", "blevet", "er", "var", "være"], StringComparer.Ordinal);

    private static readonly HashSet<string> StaffWords = new(
    [
        "vi", "os", "vores", "personalet", "medarbejderne", "medarbejderen", "medarbejdere", "ansatte", "de ansatte",
        "institutionen", "kommunen", "forvaltningen", "afdelingen", "enheden", "organisationen", "politiet",
        "jobcentret", "jobcenteret", "dagplejen", "hjemmeplejen", "ledelsen", "lederen", "lederne",
    ], StringComparer.Ordinal);

    private static readonly string[] StaffSuffixes = ["skolen", "haven", "stuen", "centret", "centeret", "plejen", "huset", "klubben", "tilbuddet"];

    private static readonly Dictionary<string, string> Professions = new(StringComparer.Ordinal)
    {
        ["pædagogen"] = "pædagog",
        ["pædagogerne"] = "pædagog",
        ["pædagoger"] = "pædagog",
        ["læreren"] = "lærer",
        ["lærerne"] = "lærer",
        ["lærere"] = "lærer",
        ["sygeplejersken"] = "sygeplejerske",
        ["sygeplejerskerne"] = "sygeplejerske",
        ["sygeplejersker"] = "sygeplejerske",
        ["socialrådgiveren"] = "socialrådgiver",
        ["socialrådgiverne"] = "socialrådgiver",
        ["socialrådgivere"] = "socialrådgiver",
        ["sagsbehandleren"] = "sagsbehandler",
        ["sagsbehandlerne"] = "sagsbehandler",
        ["sagsbehandlere"] = "sagsbehandler",
        ["terapeuten"] = "terapeut",
        ["terapeuterne"] = "terapeut",
        ["fysioterapeuterne"] = "fysioterapeut",
        ["fysioterapeuten"] = "fysioterapeut",
        ["betjentene"] = "betjent",
        ["betjenten"] = "betjent",
        ["lægen"] = "læge",
        ["lægerne"] = "læge",
        ["hjemmehjælperne"] = "hjemmehjælper",
        ["hjemmehjælperen"] = "hjemmehjælper",
        ["jobkonsulenten"] = "jobkonsulent",
        ["jobkonsulenterne"] = "jobkonsulent",
    };

    // The citizen, singular and plural. Two-word forms ("den unge") are matched on pairs of words.
    private static readonly HashSet<string> CitizenSingular = new(
    [
        "borgeren", "borgerens", "borger", "barnet", "barnets", "barn", "eleven", "elevens", "elev", "brugeren", "brugerens",
        "patienten", "patientens", "familien", "familiens", "forælderen", "den unge", "den ældre", "den ledige",
        "den sygemeldte", "den syge", "den enkelte", "beboeren", "beboerens", "deltageren", "kursisten", "klienten",
        "mennesket", "menneskets", "den unges", "den ældres", "den lediges",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> CitizenPlural = new(
    [
        "borgerne", "borgere", "borgernes", "børn", "børnene", "børnenes", "eleverne", "elever", "elevernes", "brugerne",
        "brugere", "patienterne", "patienter", "familierne", "familier", "forældrene", "forældre", "de unge", "de ældre",
        "de ledige", "ledige", "de sygemeldte", "sygemeldte", "beboerne", "beboere", "deltagerne", "kursisterne", "klienterne",
        "alle", "mennesker", "menneskene", "unge", "ældre",
    ], StringComparer.Ordinal);

    // What the citizen experiences or becomes able to do: the heart of a 2.0 formulation.
    private static readonly HashSet<string> EffectWords = new(
    [
        "oplever", "opleve", "oplevet", "oplevelse", "oplevelsen", "trives", "trivsel", "trivslen", "mærker", "mærke",
        "føler", "føle", "mestrer", "mestre", "lærer", "lære", "udvikler", "udvikle", "tror", "tryg", "tryghed", "trygt",
        "glæde", "glad", "glade", "mening", "meningsfuld", "meningsfuldt", "livet", "liv", "lever", "leve", "hverdag",
        "hverdagen", "drømme", "drømmer", "håb", "håber", "lyst", "stolt", "værdig", "værdighed", "sammenhæng",
        "fællesskab", "fællesskabet", "fællesskaber", "venner", "venskaber", "selvstændig", "selvstændigt", "hørt", "forstået",
    ], StringComparer.Ordinal);

    private static readonly string[] EffectPhrases = ["høre til", "hører til", "tage del", "tager del", "i stand til", "kan selv", "bliver set", "blive set", "klare sig", "klarer sig", "mod på"];

    private static readonly string[] TimeHorizon = ["kort sigt", "lang sigt", "på sigt", "resten af livet", "hele livet", "i dag og", "nu og", "fremtiden", "voksenlivet", "i morgen", "på længere sigt"];

    private static readonly string[] CoCreation = ["sammen med", "med borgeren", "med barnet", "med familien", "med den unge", "med eleven", "selv", "medskaber", "medskabere", "er med til", "være med til", "tager del", "tage del", "inddrag", "samskab", "bestemme", "bestemmer", "medbestemmelse", "sin egen", "sit eget", "sine egne"];

    // After the citizen is named, "så det trives", "hvor han bliver set": the pronoun is the citizen.
    private static readonly HashSet<string> Pronouns = new(["han", "hun", "det", "den", "de", "hans", "hendes", "dets"], StringComparer.Ordinal);

    private static readonly HashSet<string> ClauseWords = new(["og", "men", "så", "hvor", "når", "fordi", "mens", "hvis", "eller", "samt", "ved", "gennem"], StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^.!?\n]+[.!?]*", RegexOptions.CultureInvariant)]
    private static partial Regex SentencePattern();

    private sealed record Word(string Text, string Lower, int Start, bool ClauseStart);

    public static CoreTaskCheckResult Check(string? text)
    {
        text ??= "";
        var findings = new List<CoreTaskFinding>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new CoreTaskCheckResult(CoreTaskVersion.Unclear, findings);
        }

        var lowerText = text.ToLower(CultureInfo.InvariantCulture);
        var anyVersion1 = false;
        var singular = new List<Word>();
        var plural = new List<Word>();
        var professions = new List<(Word Word, string Profession)>();
        var anyEffect = false;
        var anyCitizenEffect = false;

        foreach (Match sentence in SentencePattern().Matches(text))
        {
            var words = Words(sentence.Value, sentence.Index);
            if (words.Count == 0)
            {
                continue;
            }

            var sentenceLower = sentence.Value.ToLower(CultureInfo.InvariantCulture);
            // Any word of value anywhere keeps the "no effect" advice away; but only a value the citizen experiences
            // (in a clause whose subject is the citizen: "barnet oplever", "så det trives") makes up for an activity
            // verb or makes a 2.0. "Et trygt miljø" is the staff's offer, not the child's experience.
            anyEffect |= words.Any(w => EffectWords.Contains(w.Lower)) || EffectPhrases.Any(sentenceLower.Contains);
            var subjects = ClauseSubjects(words);
            var effect = Enumerable.Range(0, words.Count).Any(i => words[i].ClauseStart && subjects[i] == "citizen" && ClauseHasEffect(words, i));
            anyCitizenEffect |= effect;

            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var clauseSubject = subjects[i];
                var pair = i + 1 < words.Count ? w.Lower + " " + words[i + 1].Lower : null;
                if (pair is not null && (CitizenSingular.Contains(pair) || CitizenPlural.Contains(pair)))
                {
                    (CitizenSingular.Contains(pair) ? singular : plural).Add(new Word(text.Substring(w.Start, words[i + 1].Start + words[i + 1].Text.Length - w.Start), pair, w.Start, false));
                    i++;
                    continue;
                }

                if (CitizenSingular.Contains(w.Lower))
                {
                    singular.Add(w);
                }
                else if (CitizenPlural.Contains(w.Lower) && !IsQuantifierOnly(words, i))
                {
                    plural.Add(w);
                }

                if (Professions.TryGetValue(w.Lower, out var profession))
                {
                    professions.Add((w, profession));
                }

                if (!IsActivityVerb(words, i))
                {
                    continue;
                }

                var passive = w.Lower.EndsWith("es", StringComparison.Ordinal)
                    || Participles.Contains(w.Lower) && i > 0 && PassiveAuxiliaries.Contains(words[i - 1].Lower);
                // With no subject in the clause, the unit is the doer ("Vores kerneopgave er at undervise", "Tilbyder kurser").
                var staff = passive || clauseSubject != "citizen";
                if (!staff)
                {
                    continue;
                }

                if (effect)
                {
                    findings.Add(new CoreTaskFinding("staff-first", w.Start, w.Text.Length, w.Text));
                }
                else
                {
                    anyVersion1 = true;
                    findings.Add(new CoreTaskFinding(passive ? "passive" : "activity-verb", w.Start, w.Text.Length, w.Text));
                }
            }
        }

        if (singular.Count == 0)
        {
            if (plural.Count > 0)
            {
                findings.AddRange(plural.Select(p => new CoreTaskFinding("citizen-plural", p.Start, p.Text.Length, p.Text)));
            }
            else
            {
                findings.Add(new CoreTaskFinding("no-citizen", 0, text.Length, ""));
            }
        }

        if (!anyEffect)
        {
            findings.Add(new CoreTaskFinding("no-effect", 0, text.Length, ""));
        }
        else if (!TimeHorizon.Any(lowerText.Contains))
        {
            findings.Add(new CoreTaskFinding("no-time-horizon", 0, text.Length, ""));
        }

        if (!CoCreation.Any(lowerText.Contains))
        {
            findings.Add(new CoreTaskFinding("no-co-creation", 0, text.Length, ""));
        }

        if (professions.Select(p => p.Profession).Distinct().Count() == 1)
        {
            var first = professions[0].Word;
            findings.Add(new CoreTaskFinding("one-profession", first.Start, first.Text.Length, first.Text));
        }

        var version = anyVersion1 ? CoreTaskVersion.Version1
            : singular.Count > 0 && anyCitizenEffect ? CoreTaskVersion.Version2
            : CoreTaskVersion.Unclear;
        return new CoreTaskCheckResult(version, findings.OrderBy(f => f.Words.Length == 0).ThenBy(f => f.Start).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList());
    }

    private static List<Word> Words(string sentence, int offset)
    {
        var words = new List<Word>();
        var previousEnd = 0;
        foreach (Match m in WordPattern().Matches(sentence))
        {
            var between = sentence[previousEnd..m.Index];
            var lower = m.Value.ToLower(CultureInfo.InvariantCulture);
            var clauseStart = words.Count == 0 || between.IndexOfAny([',', ';', '–', '—', ':', '(']) >= 0 || ClauseWords.Contains(lower);
            words.Add(new Word(m.Value, lower, offset + m.Index, clauseStart));
            previousEnd = m.Index + m.Length;
        }

        return words;
    }

    /// <summary>The first subject-like word of the clause starting at <paramref name="start"/>: the professionals (vi,
    /// the unit, a profession) or the citizen. Danish puts the subject right after the verb when the clause starts with
    /// something else ("Derfor tilbyder vi"), so the first such word anywhere in the clause is taken.</summary>
    private static string? FindClauseSubject(List<Word> words, int start, bool citizenSeen)
    {
        for (var i = start; i < words.Count && (i == start || !words[i].ClauseStart); i++)
        {
            var w = words[i].Lower;
            var pair = i + 1 < words.Count ? w + " " + words[i + 1].Lower : null;
            if (pair is not null && (CitizenSingular.Contains(pair) || CitizenPlural.Contains(pair)))
            {
                return "citizen";
            }

            if (IsStaff(w))
            {
                return "staff";
            }

            if (citizenSeen && Pronouns.Contains(w))
            {
                return "citizen";
            }

            if (CitizenSingular.Contains(w) || CitizenPlural.Contains(w) && !IsQuantifierOnly(words, i))
            {
                return "citizen";
            }

            if (IsActivityVerb(words, i))
            {
                // Past the verb without a subject before it: only an inverted subject right after the verb counts.
                return i + 1 < words.Count && IsStaff(words[i + 1].Lower) ? "staff" : null;
            }
        }

        return null;
    }

    private static bool IsActivityVerb(List<Word> words, int i) =>
        ActivityForms.ContainsKey(words[i].Lower) && (!AmbiguousInfinitives.Contains(words[i].Lower) || i > 0 && InfinitiveMarkers.Contains(words[i - 1].Lower));

    private static bool IsStaff(string lower) =>
        StaffWords.Contains(lower) || Professions.ContainsKey(lower) || StaffSuffixes.Any(s => lower.Length > s.Length + 2 && lower.EndsWith(s, StringComparison.Ordinal));

    // "alle børn" is one group, not two; "alle" alone is a quantifier of what follows.
    private static bool IsQuantifierOnly(List<Word> words, int i) =>
        words[i].Lower == "alle" && i + 1 < words.Count && CitizenPlural.Contains(words[i + 1].Lower);

    /// <summary>The subject of the clause each word is in ("staff", "citizen" or null); a clause without its own
    /// subject has the one before it ("Barnet leger og hjælper de andre").</summary>
    private static string?[] ClauseSubjects(List<Word> words)
    {
        var subjects = new string?[words.Count];
        string? current = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].ClauseStart)
            {
                var citizenSeen = words.Take(i).Any(w => CitizenSingular.Contains(w.Lower) || CitizenPlural.Contains(w.Lower));
                current = FindClauseSubject(words, i, citizenSeen) ?? current;
            }
            subjects[i] = current;
        }
        return subjects;
    }

    private static bool ClauseHasEffect(List<Word> words, int start)
    {
        var clause = new List<string>();
        for (var i = start; i < words.Count && (i == start || !words[i].ClauseStart); i++)
        {
            clause.Add(words[i].Lower);
        }
        var text = string.Join(' ', clause);
        return clause.Any(EffectWords.Contains) || EffectPhrases.Any(text.Contains);
    }

    private static Dictionary<string, string> BuildActivityForms(params (string Verb, string Forms)[] verbs)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (verb, others) in verbs)
        {
            forms[verb] = verb;
            foreach (var form in others.Split(' '))
            {
                forms[form] = verb;
            }
        }

        return forms;
    }
}
