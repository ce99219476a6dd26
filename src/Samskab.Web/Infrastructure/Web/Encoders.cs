using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// HTML/XML encoding that leaves Danish letters as they are (æ, ø, å instead of character references), for markup
/// built in code: SVG, mail and form fields. Markup-significant characters are still encoded.
/// </summary>
public static class Encoders
{
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
}
