using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;

namespace Samskab.Web.Features.Actors;

/// <summary>
/// The influence × stance grid of the actor overview as an accessible SVG (role="img" with title and description);
/// the page shows the same figures in a table beside it.
/// </summary>
public static class StakeholderGrid
{
    public static readonly Influence[] Influences = [Influence.High, Influence.Medium, Influence.Low];
    public static readonly Stance[] Stances = [Stance.Against, Stance.Neutral, Stance.For];

    public static string Svg(IReadOnlyList<(string Name, Influence Influence, Stance Stance)> assessed, int total, IStringLocalizer l)
    {
        const int cellW = 220, cellH = 110, left = 110, top = 40;
        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"<svg viewBox=\"0 0 {left + cellW * 3 + 10} {top + cellH * 3 + 50}\" role=\"img\" aria-labelledby=\"grid-title grid-desc\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(ci, $"<title id=\"grid-title\">{enc.Encode(l["Aktører fordelt på indflydelse og holdning"])}</title>");
        sb.Append(ci, $"<desc id=\"grid-desc\">{enc.Encode(l["{0} af {1} aktører er vurderet. Samme tal står i tabellen under diagrammet.", assessed.Count, total])}</desc>");
        sb.Append(ci, $"<text x=\"{left + cellW * 1.5}\" y=\"24\" text-anchor=\"middle\" class=\"grid-axis\">{enc.Encode(l["Indflydelse (lodret) × holdning (vandret)"])}</text>");
        for (var row = 0; row < 3; row++)
        {
            sb.Append(ci, $"<text x=\"{left - 10}\" y=\"{top + row * cellH + cellH / 2}\" text-anchor=\"end\" class=\"grid-label\">{enc.Encode(l[ActorText.Influence(Influences[row])])}</text>");
            for (var col = 0; col < 3; col++)
            {
                var inCell = assessed.Where(a => a.Influence == Influences[row] && a.Stance == Stances[col]).Select(a => a.Name).ToList();
                var x = left + col * cellW;
                var y = top + row * cellH;
                sb.Append(ci, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cellW}\" height=\"{cellH}\" class=\"grid-cell grid-{Stances[col].ToString().ToLowerInvariant()}\"/>");
                sb.Append(ci, $"<text x=\"{x + 10}\" y=\"{y + 24}\" class=\"grid-count\">{inCell.Count}</text>");
                for (var n = 0; n < Math.Min(3, inCell.Count); n++)
                {
                    var name = inCell[n].Length > 24 ? inCell[n][..23] + "…" : inCell[n];
                    sb.Append(ci, $"<text x=\"{x + 10}\" y=\"{y + 46 + n * 20}\" class=\"grid-name\">{enc.Encode(name)}</text>");
                }
                if (inCell.Count > 3)
                {
                    sb.Append(ci, $"<text x=\"{x + cellW - 10}\" y=\"{y + 24}\" text-anchor=\"end\" class=\"grid-name\">{enc.Encode(l["+{0} flere", inCell.Count - 3])}</text>");
                }
            }
        }
        for (var col = 0; col < 3; col++)
        {
            sb.Append(ci, $"<text x=\"{left + col * cellW + cellW / 2}\" y=\"{top + cellH * 3 + 28}\" text-anchor=\"middle\" class=\"grid-label\">{enc.Encode(l[ActorText.Stance(Stances[col])])}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
