using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The form's model: a record, so its fields are named Input.Text (a tuple would name them Item1.Text).</summary>
public sealed record FormulationForm(FormulationInput Input, string Action, string SaveLabel);

/// <summary>A formulation as written in the form: the text, its perspective, and the answers to the eleven guiding
/// questions. Shared by the page that writes the first version and the page that writes the next.</summary>
public sealed class FormulationInput
{
    [Required(ErrorMessage = "Skriv formuleringen af kerneopgaven.")]
    [StringLength(CoreTaskCheck.MaxLength, ErrorMessage = "Formuleringen må højst være 4000 tegn.")]
    public string Text { get; set; } = "";

    public CoreTaskPerspective Perspective { get; set; } = CoreTaskPerspective.Experienced;

    public List<string?> Answers { get; set; } = [];

    /// <summary>The version the writer started from; a newer one saved meanwhile is not overwritten.</summary>
    public int BasedOn { get; set; }

    public static FormulationInput From(FormulationVersion v, CoreTaskPerspective perspective) =>
        new() { Text = v.Text, Perspective = perspective, Answers = [.. v.Answers], BasedOn = v.Number };

    /// <summary>Adds the errors DataAnnotations cannot express; returns the answers to store, eleven of them.</summary>
    public List<string> Validate(ModelStateDictionary state, string prefix, IStringLocalizer l)
    {
        if (!Enum.IsDefined(Perspective))
        {
            state.AddModelError(prefix + ".Perspective", l["Vælg et perspektiv."]);
        }
        if (Answers.Count > CoreTaskRules.GuidingQuestionCount)
        {
            state.AddModelError(prefix + ".Answers", l["Der er elleve spørgsmål at svare på."]);
        }
        var answers = Enumerable.Range(0, CoreTaskRules.GuidingQuestionCount)
            .Select(i => i < Answers.Count ? (Answers[i] ?? "").Trim() : "").ToList();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i].Length > CoreTaskRules.AnswerLength)
            {
                state.AddModelError($"{prefix}.Answers[{i}]", l["Svaret på spørgsmål {0} må højst være 2000 tegn.", i + 1]);
            }
        }
        return answers;
    }
}
