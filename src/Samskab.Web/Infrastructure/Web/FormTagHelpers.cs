using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// A DKFDS form field: label, optional hint, the error message in place, and the input with aria-describedby, so
/// every form looks and reads the same. Usage: &lt;field for="Input.Email" label="E-mail" type="email" /&gt;.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public int Rows { get; set; } = 5;
    public int? Maxlength { get; set; }
    public bool Required { get; set; }

    /// <summary>Keeps ids unique when the same field appears in two forms on one page.</summary>
    public string? IdPrefix { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = IdPrefix + TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var value = Type == "password" ? "" : state?.AttemptedValue ?? For.Model switch
        {
            // <input type="date"> speaks ISO 8601 whatever the page's language.
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(For.Model, CultureInfo.CurrentCulture) ?? "",
        };
        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "form-group form-error" : "form-group");

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<label class=\"form-label\" for=\"{id}\">{enc.Encode(Label)}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"form-hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</span>");
            describedBy.Add($"{id}-hint");
        }
        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"form-error-message\" id=\"{id}-error\"><span class=\"sr-only\">Fejl: </span>{enc.Encode(string.Join(" ", errors))}</span>");
            describedBy.Add($"{id}-error");
        }
        var common = new System.Text.StringBuilder();
        common.Append(CultureInfo.InvariantCulture, $" id=\"{id}\" name=\"{enc.Encode(name)}\"");
        if (describedBy.Count > 0)
        {
            common.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }
        if (errors.Count > 0)
        {
            common.Append(" aria-invalid=\"true\"");
        }
        if (Required)
        {
            common.Append(" required");
        }
        if (Maxlength is int max)
        {
            common.Append(CultureInfo.InvariantCulture, $" maxlength=\"{max}\"");
        }
        if (!string.IsNullOrEmpty(Autocomplete))
        {
            common.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }
        if (Type == "textarea")
        {
            html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"form-input\" rows=\"{Rows}\"{common}>{enc.Encode(value)}</textarea>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"form-input\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value)}\"{common}>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>
/// The DKFDS error summary: shown at the top of a form when the model state has errors, each linking to its field.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public string Heading { get; set; } = "Der er problemer";

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-error");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-module", "error-summary");
        var html = new System.Text.StringBuilder();
        html.Append("<div class=\"alert-body\"><p class=\"alert-heading\" id=\"error-summary-heading\">").Append(enc.Encode(Heading)).Append("</p><ul class=\"alert-text nobullet-list\">");
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var target = string.IsNullOrEmpty(key) ? null : TagBuilder.CreateSanitizedId(key, "_");
                html.Append("<li>");
                if (target is null)
                {
                    html.Append(enc.Encode(error.ErrorMessage));
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{target}\">{enc.Encode(error.ErrorMessage)}</a>");
                }
                html.Append("</li>");
            }
        }
        html.Append("</ul></div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
