using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Localization;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The words and limits of the core-task process, in the reader's language.</summary>
public static class CoreTaskRules
{
    public const int NameLength = 160;
    public const int DescriptionLength = 4000;
    public const int QuestionLength = 500;
    public const int CommentLength = 2000;
    public const int AnswerLength = 2000;
    public const int MaterialLength = 4000;
    public const int InsightLength = 200;

    /// <summary>Lean's 5 × why: a chain asks "why?" at most five times.</summary>
    public const int MaxWhySteps = 5;

    /// <summary>Versions one formulation may have: enough for a long afternoon's work, not an endless loop.</summary>
    public const int MaxVersions = 50;

    public static readonly CoreTaskPhase[] Phases = [CoreTaskPhase.OpeningQuestion, CoreTaskPhase.Exploration, CoreTaskPhase.Insights, CoreTaskPhase.Definition, CoreTaskPhase.CitizenCamp];
    public static readonly CoreTaskRole[] RolesInOrder = [CoreTaskRole.Citizen, CoreTaskRole.Staff, CoreTaskRole.Leader, CoreTaskRole.Politician, CoreTaskRole.Joker];
    public static readonly CoreTaskPerspective[] Perspectives = [CoreTaskPerspective.Formal, CoreTaskPerspective.Performed, CoreTaskPerspective.Experienced];

    /// <summary>Leaders, staff and politicians define the core task from the data (seed 000, phase 3).</summary>
    public static bool Defines(CoreTaskRole role) => role is CoreTaskRole.Staff or CoreTaskRole.Leader or CoreTaskRole.Politician;

    public static string Phase(CoreTaskPhase phase, IStringLocalizer l) => phase switch
    {
        CoreTaskPhase.OpeningQuestion => l["Det gode indledende spørgsmål"],
        CoreTaskPhase.Exploration => l["På opdagelse hos borgerne"],
        CoreTaskPhase.Insights => l["Indsigter samles og valideres"],
        CoreTaskPhase.Definition => l["Kerneopgaven defineres"],
        CoreTaskPhase.CitizenCamp => l["Borgercamp"],
        _ => phase.ToString(),
    };

    public static string Guidance(CoreTaskPhase phase, bool blankCanvas, IStringLocalizer l) => phase switch
    {
        CoreTaskPhase.OpeningQuestion when blankCanvas => l["Start på et blankt lærred: »Nu har vi ikke …« (kommunen, skolen, jobcentret). Deltagerne skaber det igen efter deres eget hoved, og ud fra det beskriver I sammen, hvad enhedens rolle er. Foreslå spørgsmål, drøft dem, og vælg ét."],
        CoreTaskPhase.OpeningQuestion => l["Et godt indledende spørgsmål er åbent, handler om borgerens liv og kan ikke besvares med ja eller nej, fx »Hvad er vigtigt for dig i din hverdag, og hvornår gør vi en forskel for det?«. Foreslå spørgsmål, drøft dem, og vælg ét."],
        CoreTaskPhase.Exploration => l["Gå på opdagelse der, hvor enheden møder borgerne: interview på kryds og tværs med 5 × hvorfor, fotosafari og fremtidsbussen, observation, nekrolog og »en af os for en dag«. Borgere, medarbejdere og ledere er i centrum. Det er OK ikke at have svaret."],
        CoreTaskPhase.Insights => l["Saml materialet i indsigter, og lad alle deltagere validere dem: enig, delvis enig eller uenig, med en kommentar. En indsigt hviler altid på det materiale, den bygger på."],
        CoreTaskPhase.Definition => l["Ledere, medarbejdere og politikere formulerer kerneopgaven ud fra indsigterne. Gå fra version 1.0 (det, vi gør) til version 2.0 (det, borgeren oplever), besvar de elleve spørgsmål, og vælg én formulering."],
        CoreTaskPhase.CitizenCamp => l["Kerneopgaven præsenteres på borgercampen, og sammen finder I nye måder at løse den på."],
        _ => "",
    };

    public static string Role(CoreTaskRole role, IStringLocalizer l) => role switch
    {
        CoreTaskRole.Citizen => l["Borger eller bruger"],
        CoreTaskRole.Staff => l["Medarbejder"],
        CoreTaskRole.Leader => l["Leder"],
        CoreTaskRole.Politician => l["Politiker"],
        CoreTaskRole.Joker => l["Joker"],
        _ => role.ToString(),
    };

    public static string Kind(MaterialKind kind, IStringLocalizer l) => kind switch
    {
        MaterialKind.Interview => l["Interview"],
        MaterialKind.Observation => l["Observation"],
        MaterialKind.Obituary => l["Nekrolog"],
        MaterialKind.Photo => l["Foto"],
        _ => kind.ToString(),
    };

    public static string Verdict(InsightVerdict verdict, IStringLocalizer l) => verdict switch
    {
        InsightVerdict.Agree => l["Enig"],
        InsightVerdict.Partly => l["Delvis enig"],
        InsightVerdict.Disagree => l["Uenig"],
        _ => verdict.ToString(),
    };

    public static string Status(CommitmentStatus status, IStringLocalizer l) => status switch
    {
        CommitmentStatus.Promised => l["Lovet"],
        CommitmentStatus.InProgress => l["I gang"],
        CommitmentStatus.Done => l["Gennemført"],
        CommitmentStatus.Dropped => l["Opgivet"],
        _ => status.ToString(),
    };

    public static readonly CommitmentStatus[] Statuses = [CommitmentStatus.Promised, CommitmentStatus.InProgress, CommitmentStatus.Done, CommitmentStatus.Dropped];

    /// <summary>An interview's 5 × why chain, trimmed: at most five steps, no gaps, each at most 2000 characters, and
    /// ending in an underlying need. Problems go to the model state under the form's prefix.</summary>
    public static (List<string> Steps, string? Need) CheckWhyChain(IEnumerable<string?> whySteps, string? underlyingNeed,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, IStringLocalizer l)
    {
        var steps = whySteps.Select(s => s?.Trim() ?? "").ToList();
        while (steps.Count > 0 && steps[^1].Length == 0) steps.RemoveAt(steps.Count - 1);
        if (steps.Count > MaxWhySteps)
        {
            state.AddModelError(prefix + ".WhySteps", l["En hvorfor-kæde har højst fem led: spørg »hvorfor?« op til fem gange."]);
        }
        else if (steps.Any(s => s.Length == 0))
        {
            state.AddModelError(prefix + ".WhySteps", l["Udfyld hvorfor-kæden fra oven uden huller: hvert »hvorfor?« bygger på svaret før."]);
        }
        if (steps.Any(s => s.Length > AnswerLength))
        {
            state.AddModelError(prefix + ".WhySteps", l["Et led i hvorfor-kæden må højst være 2000 tegn."]);
        }
        var need = underlyingNeed?.Trim();
        if (steps.Count > 0 && string.IsNullOrEmpty(need))
        {
            state.AddModelError(prefix + ".UnderlyingNeed", l["Skriv det underliggende behov, som hvorfor-kæden ender i."]);
        }
        return (steps, string.IsNullOrEmpty(need) ? null : need);
    }

    /// <summary>The kinds of material, in the order they are shown.</summary>
    public static readonly MaterialKind[] Kinds = [MaterialKind.Interview, MaterialKind.Observation, MaterialKind.Obituary, MaterialKind.Photo];

    public static readonly InsightVerdict[] Verdicts = [InsightVerdict.Agree, InsightVerdict.Partly, InsightVerdict.Disagree];

    /// <summary>A count of material of one kind, inflected in both languages ("2 observationer", "2 interviews").</summary>
    public static string KindCount(MaterialKind kind, int count, IStringLocalizer l) => kind switch
    {
        MaterialKind.Interview => l.Plural(count, "{0} interview", "{0} interviews"),
        MaterialKind.Observation => l.Plural(count, "{0} observation", "{0} observationer"),
        MaterialKind.Obituary => l.Plural(count, "{0} nekrolog", "{0} nekrologer"),
        MaterialKind.Photo => l.Plural(count, "{0} foto", "{0} fotos"),
        _ => $"{count} {kind}",
    };

    /// <summary>The badge colour of the check's verdict.</summary>
    public static string BadgeClass(CoreTaskVersion version) => version switch
    {
        CoreTaskVersion.Version2 => "badge-success",
        CoreTaskVersion.Version1 => "badge-warning",
        _ => "badge-info",
    };

    public static string Perspective(CoreTaskPerspective perspective, IStringLocalizer l) => perspective switch
    {
        CoreTaskPerspective.Formal => l["Den formelle kerneopgave (lov og politiske beslutninger)"],
        CoreTaskPerspective.Performed => l["Den udførte kerneopgave (det, vi gør i praksis)"],
        CoreTaskPerspective.Experienced => l["Den oplevede kerneopgave (det, borgeren oplever)"],
        _ => perspective.ToString(),
    };

    /// <summary>The eleven guiding questions of seed 004 for writing version 2.0.</summary>
    public static IReadOnlyList<string> GuidingQuestions(IStringLocalizer l) =>
    [
        l["Hvordan kunne borgerne blive en del af arbejdet med at udvikle kerneopgaven?"],
        l["Hvilken effekt – på kort og langt sigt – skaber jeres organisation for borgeren?"],
        l["Hvilken målgruppe skal I konkret gøre en forskel for?"],
        l["Hvilken konkret værdi skaber I for (og med) borgerne?"],
        l["Hvordan skaber I denne værdi i praksis?"],
        l["Hvordan oplever borgeren denne værdi i praksis – på kort og langt sigt?"],
        l["Hvilke kerneydelser er en del af jeres drift?"],
        l["Hvilke af disse kerneydelser understøtter primært jeres kerneopgave?"],
        l["Er der nogen af disse kerneydelser, som I skal opprioritere eller nedprioritere for at skabe den rette effekt?"],
        l["Er der andre aktører end jer selv, der kan være med til at understøtte jeres kerneopgave, fx frivillige, foreninger eller andre offentlige enheder?"],
        l["Kan I udvide samarbejdet med andre aktører for at opnå en øget effekt?"],
    ];

    public const int GuidingQuestionCount = 11;

    public static string Version(CoreTaskVersion version, IStringLocalizer l) => version switch
    {
        CoreTaskVersion.Version1 => l["Version 1.0: skrevet fra medarbejdernes hjemmebane"],
        CoreTaskVersion.Version2 => l["Version 2.0: skrevet fra borgerens oplevede velfærd"],
        _ => l["Uklar: hverken tydeligt 1.0 eller 2.0"],
    };

    /// <summary>The checked text with the words of each finding marked and numbered as in the list of advice.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Marked(string text, IReadOnlyList<CoreTaskFinding> findings)
    {
        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;
        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (f, n) in findings.Select((f, i) => (f, i + 1)).Where(x => x.f.Words.Length > 0).OrderBy(x => x.f.Start))
        {
            if (f.Start < at) continue;
            html.Append(enc.Encode(text[at..f.Start])).Append("<mark>").Append(enc.Encode(text.Substring(f.Start, f.Length)))
                .Append("<sup>").Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</sup></mark>");
            at = f.Start + f.Length;
        }
        html.Append(enc.Encode(text[at..]));
        return new Microsoft.AspNetCore.Html.HtmlString(html.ToString());
    }

    /// <summary>The check's advice in words. Each finding points at its words; the message says why and what to do.</summary>
    public static string Message(CoreTaskFinding f, IStringLocalizer l) => f.Rule switch
    {
        "activity-verb" => l["»{0}« beskriver, hvad de professionelle gør, ikke hvad borgeren får ud af det. Skriv, hvad borgeren oplever eller bliver i stand til.", f.Words],
        "passive" => l["»{0}« er passiv: de professionelle gør noget ved borgeren. Gør borgeren til den, der handler eller oplever.", f.Words],
        "staff-first" => l["»{0}« tager udgangspunkt i de professionelles handling. Sætningen siger, hvad borgeren oplever, men begynd gerne med borgeren.", f.Words],
        "citizen-plural" => l["»{0}« er flertal. Skriv borgeren i ental (borgeren, barnet, den unge), så det bliver et konkret menneske.", f.Words],
        "no-citizen" => l["Formuleringen nævner ikke borgeren. Hvem er borgeren: barnet, eleven, den ledige, den ældre …?"],
        "no-effect" => l["Formuleringen siger ikke, hvilken værdi eller effekt borgeren oplever. Hvad mærker borgeren i sit eget liv?"],
        "no-time-horizon" => l["Sig gerne, hvad borgeren oplever både på kort og på lang sigt."],
        "no-co-creation" => l["Hvordan er borgeren med til at skabe værdien? Skriv borgeren ind som medskaber, fx »sammen med« eller »er selv med til«."],
        "one-profession" => l["»{0}« er én faggruppe. Kerneopgaven skal give plads til flere faggrupper og andre aktører.", f.Words],
        _ => f.Rule,
    };
}
