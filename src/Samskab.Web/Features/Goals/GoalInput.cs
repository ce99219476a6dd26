using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Meetings;

namespace Samskab.Web.Features.Goals;

/// <summary>The goal form, shared by "new goal" and "edit goal", with the rules of each kind of goal.</summary>
public sealed class GoalInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Giv målet en titel.")]
    [StringLength(200, ErrorMessage = "Titlen må højst være 200 tegn.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
    public string? Description { get; set; }

    [StringLength(2000, ErrorMessage = "Feltet må højst være 2000 tegn.")]
    public string? ServesChallenge { get; set; }

    public GoalHorizon Horizon { get; set; } = GoalHorizon.ShortTerm;
    public GoalKind Kind { get; set; } = GoalKind.Quantitative;
    public List<ValueTypes> ValueTypes { get; set; } = [];

    [StringLength(300, ErrorMessage = "Feltet må højst være 300 tegn.")]
    public string? Indicator { get; set; }

    [StringLength(50, ErrorMessage = "Enheden må højst være 50 tegn.")]
    public string? Unit { get; set; }

    public string? BaselineValue { get; set; }
    public string? BaselineDate { get; set; }
    public string? TargetValue { get; set; }
    public string? TargetDate { get; set; }
    public ObservationMethod? Method { get; set; }

    [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
    public string? BaselineDescription { get; set; }

    [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
    public string? ExpectedInfluence { get; set; }

    [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
    public string? Argument { get; set; }

    [StringLength(4000, ErrorMessage = "Feltet må højst være 4000 tegn.")]
    public string? Weaknesses { get; set; }

    /// <summary>A number as people in Denmark type it: "12,5" as well as "12.5".</summary>
    public static decimal? ParseNumber(string? text)
    {
        var t = text?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t)) return null;
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.GetCultureInfo("da-DK"), out var d) && !t.Contains('.', StringComparison.Ordinal) ? d
            : decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out d) && !t.Contains(',', StringComparison.Ordinal) ? d
            : null;
    }

    public static string Format(decimal? value) => value?.ToString("0.####", CultureInfo.CurrentCulture) ?? "";

    public void Validate(ModelStateDictionary state, IStringLocalizer l, string prefix = "Input")
    {
        if (!Enum.IsDefined(Kind)) state.AddModelError($"{prefix}.Kind", l["Vælg, hvilken slags mål det er."]);
        if (!Enum.IsDefined(Horizon)) state.AddModelError($"{prefix}.Horizon", l["Vælg kort eller lang sigt."]);
        if (Kind == GoalKind.Quantitative)
        {
            if (string.IsNullOrWhiteSpace(Indicator)) state.AddModelError($"{prefix}.Indicator", l["Skriv, hvad I måler (indikatoren)."]);
            CheckNumber(state, l, BaselineValue, $"{prefix}.BaselineValue");
            CheckNumber(state, l, TargetValue, $"{prefix}.TargetValue");
            CheckDate(state, l, BaselineDate, $"{prefix}.BaselineDate");
            CheckDate(state, l, TargetDate, $"{prefix}.TargetDate");
            if (ParseNumber(BaselineValue) is not null && string.IsNullOrWhiteSpace(BaselineDate)) state.AddModelError($"{prefix}.BaselineDate", l["Skriv, hvornår baseline blev målt."]);
            if (MeetingInput.ParseDate(BaselineDate) is { } b && MeetingInput.ParseDate(TargetDate) is { } t && t <= b) state.AddModelError($"{prefix}.TargetDate", l["Måldatoen skal ligge efter baseline."]);
        }
        if (Kind == GoalKind.Qualitative && Method is null)
        {
            state.AddModelError($"{prefix}.Method", l["Vælg, hvordan målet iagttages."]);
        }
        if (Kind == GoalKind.Hypothesis)
        {
            if (string.IsNullOrWhiteSpace(ExpectedInfluence)) state.AddModelError($"{prefix}.ExpectedInfluence", l["Beskriv, hvordan målet forventes at påvirke situationen."]);
            if (string.IsNullOrWhiteSpace(Argument)) state.AddModelError($"{prefix}.Argument", l["Argumentér for hypotesen."]);
            // Seed 001: a hypothesis must state the weaknesses of this kind of goal.
            if (string.IsNullOrWhiteSpace(Weaknesses)) state.AddModelError($"{prefix}.Weaknesses", l["En hypotese skal beskrive sine svagheder – metoden kræver det."]);
        }
    }

    private static void CheckNumber(ModelStateDictionary state, IStringLocalizer l, string? text, string key)
    {
        if (!string.IsNullOrWhiteSpace(text) && ParseNumber(text) is null) state.AddModelError(key, l["Skriv et tal, fx 12 eller 12,5."]);
    }

    private static void CheckDate(ModelStateDictionary state, IStringLocalizer l, string? text, string key)
    {
        if (!string.IsNullOrWhiteSpace(text) && MeetingInput.ParseDate(text) is null) state.AddModelError(key, l["Skriv en dato, fx 2027-03-18."]);
    }

    public void ApplyTo(Goal goal)
    {
        goal.Title = Title.Trim();
        goal.Description = Trim(Description);
        goal.ServesChallenge = Trim(ServesChallenge);
        goal.Horizon = Horizon;
        goal.Kind = Kind;
        goal.ValueTypes = ValueTypes.Aggregate(Goals.ValueTypes.None, (a, v) => a | v);
        goal.Indicator = Kind == GoalKind.Quantitative ? Trim(Indicator) : null;
        goal.Unit = Kind == GoalKind.Quantitative ? Trim(Unit) : null;
        goal.BaselineValue = Kind == GoalKind.Quantitative ? ParseNumber(BaselineValue) : null;
        goal.BaselineDate = Kind == GoalKind.Quantitative ? MeetingInput.ParseDate(BaselineDate) : null;
        goal.TargetValue = Kind == GoalKind.Quantitative ? ParseNumber(TargetValue) : null;
        goal.TargetDate = Kind == GoalKind.Quantitative ? MeetingInput.ParseDate(TargetDate) : null;
        goal.Method = Kind == GoalKind.Qualitative ? Method : null;
        goal.BaselineDescription = Kind == GoalKind.Quantitative ? null : Trim(BaselineDescription);
        goal.ExpectedInfluence = Kind == GoalKind.Hypothesis ? Trim(ExpectedInfluence) : null;
        goal.Argument = Kind == GoalKind.Hypothesis ? Trim(Argument) : null;
        goal.Weaknesses = Kind == GoalKind.Hypothesis ? Trim(Weaknesses) : null;
    }

    public static GoalInput From(Goal g) => new()
    {
        Version = g.Version,
        Title = g.Title,
        Description = g.Description,
        ServesChallenge = g.ServesChallenge,
        Horizon = g.Horizon,
        Kind = g.Kind,
        ValueTypes = GoalText.AllValueTypes.Where(v => g.ValueTypes.HasFlag(v)).ToList(),
        Indicator = g.Indicator,
        Unit = g.Unit,
        BaselineValue = Format(g.BaselineValue),
        BaselineDate = g.BaselineDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TargetValue = Format(g.TargetValue),
        TargetDate = g.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Method = g.Method,
        BaselineDescription = g.BaselineDescription,
        ExpectedInfluence = g.ExpectedInfluence,
        Argument = g.Argument,
        Weaknesses = g.Weaknesses,
    };

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
