using System.Globalization;
using System.Text;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Goals;

/// <summary>
/// A quantitative goal's progress as an accessible SVG line chart: baseline, measurements and the target as a dashed
/// line. The page shows the same numbers in a table beside it, which is what screen readers are pointed to.
/// </summary>
public static class GoalChart
{
    public static string Svg(Goal goal, IReadOnlyList<GoalMeasurement> measurements, string title, string description, string? unitLabel = null)
    {
        // Drawn small (480 wide) so that its text stays readable when a phone shows it at 360 px; the page caps its size.
        const int w = 480, h = 300, left = 64, right = 16, top = 28, bottom = 44;
        var points = new List<(DateOnly Date, decimal Value, bool Baseline)>();
        if (goal.BaselineDate is { } bd && goal.BaselineValue is { } bv) points.Add((bd, bv, true));
        points.AddRange(measurements.OrderBy(m => m.MeasuredOn).Select(m => (m.MeasuredOn, m.Value, false)));
        var ci = CultureInfo.InvariantCulture;
        var enc = Encoders.Html;
        var sb = new StringBuilder();
        sb.Append(ci, $"<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title-{goal.Id} chart-desc-{goal.Id}\" class=\"goal-chart\">");
        sb.Append(ci, $"<title id=\"chart-title-{goal.Id}\">{enc.Encode(title)}</title><desc id=\"chart-desc-{goal.Id}\">{enc.Encode(description)}</desc>");
        if (points.Count == 0)
        {
            sb.Append("</svg>");
            return sb.ToString();
        }
        var firstDate = points.Min(p => p.Date);
        var lastDate = new[] { points.Max(p => p.Date), goal.TargetDate ?? points.Max(p => p.Date) }.Max();
        if (lastDate == firstDate) lastDate = firstDate.AddDays(30);
        var values = points.Select(p => p.Value).Append(goal.TargetValue ?? points[0].Value).ToList();
        var (min, max, step) = NiceScale(Math.Min(0, values.Min()), values.Max());
        double X(DateOnly d) => left + (w - left - right) * (d.DayNumber - firstDate.DayNumber) / (double)(lastDate.DayNumber - firstDate.DayNumber);
        double Y(decimal v) => top + (h - top - bottom) * (double)((max - v) / (max - min));

        // The unit above the value axis, round values on it, and the first and last month below.
        if (!string.IsNullOrWhiteSpace(unitLabel))
        {
            sb.Append(ci, $"<text x=\"{left - 8}\" y=\"{top - 12}\" text-anchor=\"end\" class=\"axis unit\">{enc.Encode(unitLabel)}</text>");
        }
        for (var v = min; v <= max; v += step)
        {
            var y = Y(v);
            sb.Append(ci, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{w - right}\" y2=\"{y:0.#}\" class=\"grid\"/>");
            sb.Append(ci, $"<text x=\"{left - 8}\" y=\"{y + 5:0.#}\" text-anchor=\"end\" class=\"axis\">{enc.Encode(GoalInput.Format(v))}</text>");
        }
        sb.Append(ci, $"<text x=\"{left}\" y=\"{h - 14}\" class=\"axis\">{enc.Encode(firstDate.ToString("MMM yyyy", CultureInfo.CurrentCulture))}</text>");
        sb.Append(ci, $"<text x=\"{w - right}\" y=\"{h - 14}\" text-anchor=\"end\" class=\"axis\">{enc.Encode(lastDate.ToString("MMM yyyy", CultureInfo.CurrentCulture))}</text>");
        if (goal.TargetValue is { } target)
        {
            sb.Append(ci, $"<line x1=\"{left}\" y1=\"{Y(target):0.#}\" x2=\"{w - right}\" y2=\"{Y(target):0.#}\" class=\"target\"/>");
        }
        if (points.Count > 1)
        {
            sb.Append("<polyline class=\"line\" points=\"");
            sb.AppendJoin(' ', points.Select(p => string.Create(ci, $"{X(p.Date):0.#},{Y(p.Value):0.#}")));
            sb.Append("\"/>");
        }
        foreach (var p in points)
        {
            sb.Append(ci, $"<circle cx=\"{X(p.Date):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"{(p.Baseline ? 7 : 5)}\" class=\"{(p.Baseline ? "baseline" : "point")}\"/>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A value axis with round steps (1, 2, 2.5 or 5 times a power of ten), four to six of them, covering both ends.</summary>
    public static (decimal Min, decimal Max, decimal Step) NiceScale(decimal low, decimal high)
    {
        if (high <= low)
        {
            high = low + 1;
        }
        var raw = (double)(high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw));
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        if (max == high)
        {
            max += step; // Room above the highest value, so its marker is not on the frame.
        }
        return (min, max, step);
    }
}
