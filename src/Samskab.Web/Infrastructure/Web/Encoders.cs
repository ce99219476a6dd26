using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// HTML/XML encoding that leaves Danish letters as they are (æ, ø, å instead of character references), for markup
/// built in code: SVG, mail and form fields. Markup-significant characters are still encoded, and characters XML
/// cannot hold at all (control characters, even as references) are dropped, so an SVG stays valid XML.
/// </summary>
public static class Encoders
{
    public static readonly MarkupEncoder Html = new(HtmlEncoder.Create(UnicodeRanges.All));
}

public sealed class MarkupEncoder(HtmlEncoder inner)
{
    public string Encode(string? value) => inner.Encode(CleanText.Clean(value ?? ""));
}
