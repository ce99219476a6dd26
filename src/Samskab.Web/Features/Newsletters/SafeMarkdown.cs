using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// Markdown written by actors, turned into HTML that is safe in a page and in a mail: Markdig with raw HTML disabled,
/// then an allow-list sanitiser (belt and braces). Headings become bold paragraphs so a section's own structure
/// (h2–h4) stays intact, and images are dropped (no remote content in a mail).
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr", "del" })
        {
            s.AllowedTags.Add(tag);
        }
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("href");
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            s.AllowedSchemes.Add(scheme);
        }
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        s.AllowedClasses.Clear();
        s.KeepChildNodes = true;
        return s;
    }

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var html = Markdig.Markdown.ToHtml(markdown.Trim(), Pipeline);
        html = Heading().Replace(html, "<p><strong>$2</strong></p>");
        return Sanitizer.Sanitize(html).Trim();
    }

    [GeneratedRegex("<h([1-6])[^>]*>(.*?)</h\\1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
