using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Initiatives;

/// <summary>
/// The initiative poster (plakat), live from the data: the shared challenge in the middle and each active or standby
/// platform around it with focus, coordinator and the organisations taking part. Drawn as SVG in A3 landscape
/// proportions, so the same picture is shown, printed and downloaded.
/// </summary>
public static class Poster
{
    public sealed record PlatformBox(int Id, string Name, PlatformStatus Status, string? Focus, IReadOnlyList<string> Coordinators, IReadOnlyList<string> Organisations);
    public sealed record Data(string Title, string Challenge, IReadOnlyList<PlatformBox> Platforms, DateTimeOffset At, int Ripples = 0);

    public static async Task<Data?> LoadAsync(AppDbContext db, int id, TimeProvider clock, CancellationToken ct)
    {
        var initiative = await db.Initiatives.Where(i => i.Id == id).Select(i => new { i.Title, i.SharedChallenge }).SingleOrDefaultAsync(ct);
        if (initiative is null)
        {
            return null;
        }
        var platforms = await db.Platforms.Where(p => p.InitiativeId == id && (p.Status == PlatformStatus.Active || p.Status == PlatformStatus.Standby))
            .OrderBy(p => p.Status).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Status,
                p.FocusArea,
                Coordinators = p.Members.Where(m => m.LeftOn == null && m.IsCoordinator).Select(m => m.Person!.Name).ToList(),
                Organisations = p.Members.Where(m => m.LeftOn == null && m.Person!.OrganisationId != null).Select(m => m.Person!.Organisation!.Name).ToList(),
            })
            .ToListAsync(ct);
        return new Data(initiative.Title, initiative.SharedChallenge,
            platforms.Select(p => new PlatformBox(p.Id, p.Name, p.Status, p.FocusArea, p.Coordinators, p.Organisations.Distinct().Order(StringComparer.CurrentCulture).ToList())).ToList(),
            clock.GetUtcNow(), await db.Ripples.CountAsync(r => r.InitiativeId == id, ct));
    }

    public const int Width = 1680;
    public const int Height = 1188;

    public static string Svg(Data data, Func<string, string> t, bool standalone)
    {
        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        if (standalone)
        {
            sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        sb.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"poster-title poster-desc\" font-family=\"IBM Plex Sans, Arial, sans-serif\">");
        sb.Append(ci, $"<title id=\"poster-title\">{enc.Encode(t("Plakat") + ": " + data.Title)}</title>");
        sb.Append(ci, $"<desc id=\"poster-desc\">{enc.Encode(t("Den fælles udfordring i midten og initiativets udviklingsplatforme rundt om. Samme indhold står som tekst under plakaten."))}</desc>");
        sb.Append(ci, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        sb.Append(ci, $"<text x=\"40\" y=\"64\" font-size=\"40\" font-weight=\"700\" fill=\"#1a1a1a\">{enc.Encode(data.Title)}</text>");
        sb.Append(ci, $"<text x=\"40\" y=\"{Height - 28}\" font-size=\"18\" fill=\"#454545\">{enc.Encode(t("Opdateret") + " " + data.At.ToDanish().ToText("d. MMMM yyyy", CultureInfo.CurrentCulture))} · Samskab</text>");
        if (data.Ripples > 0)
        {
            sb.Append(ci, $"<text x=\"{Width - 40}\" y=\"{Height - 28}\" text-anchor=\"end\" font-size=\"20\" font-weight=\"700\" fill=\"#003d7a\">{enc.Encode(string.Format(CultureInfo.CurrentCulture, t("{0} ringe i vandet"), data.Ripples))}</text>");
        }

        const int cx = Width / 2, cy = Height / 2 + 20;
        var n = data.Platforms.Count;
        const int boxW = 360, boxH = 230;
        for (var i = 0; i < n; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(1, n);
            var bx = (int)(cx + Math.Cos(angle) * 600 - boxW / 2.0);
            var by = (int)(cy + Math.Sin(angle) * 360 - boxH / 2.0);
            bx = Math.Clamp(bx, 20, Width - boxW - 20);
            by = Math.Clamp(by, 90, Height - boxH - 50);
            sb.Append(ci, $"<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{bx + boxW / 2}\" y2=\"{by + boxH / 2}\" stroke=\"#bfbfbf\" stroke-width=\"2\"/>");
        }
        sb.Append(ci, $"<ellipse cx=\"{cx}\" cy=\"{cy}\" rx=\"300\" ry=\"170\" fill=\"#e8f0fb\" stroke=\"#0059b3\" stroke-width=\"4\"/>");
        sb.Append(ci, $"<text x=\"{cx}\" y=\"{cy - 110}\" text-anchor=\"middle\" font-size=\"20\" font-weight=\"700\" fill=\"#003d7a\">{enc.Encode(t("Den fælles udfordring").ToUpperInvariant())}</text>");
        Lines(sb, Wrap(data.Challenge, 38, 6), cx, cy - 70, 28, 22, "middle", "#1a1a1a", "600");

        for (var i = 0; i < n; i++)
        {
            var p = data.Platforms[i];
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(1, n);
            var bx = Math.Clamp((int)(cx + Math.Cos(angle) * 600 - boxW / 2.0), 20, Width - boxW - 20);
            var by = Math.Clamp((int)(cy + Math.Sin(angle) * 360 - boxH / 2.0), 90, Height - boxH - 50);
            var standby = p.Status == PlatformStatus.Standby;
            sb.Append(ci, $"<rect x=\"{bx}\" y=\"{by}\" width=\"{boxW}\" height=\"{boxH}\" rx=\"8\" fill=\"{(standby ? "#fff3cd" : "#ffffff")}\" stroke=\"{(standby ? "#8a6d00" : "#1a1a1a")}\" stroke-width=\"2\"{(standby ? " stroke-dasharray=\"10 6\"" : "")}/>");
            var y = by + 34;
            sb.Append(ci, $"<text x=\"{bx + 16}\" y=\"{y}\" font-size=\"22\" font-weight=\"700\" fill=\"#1a1a1a\">{enc.Encode(Truncate(p.Name, 28))}</text>");
            if (standby)
            {
                sb.Append(ci, $"<text x=\"{bx + boxW - 16}\" y=\"{y}\" text-anchor=\"end\" font-size=\"16\" font-weight=\"700\" fill=\"#6b5400\">{enc.Encode(t("PÅ STANDBY"))}</text>");
            }
            y += 28;
            y = Lines(sb, Wrap(p.Focus ?? "", 40, 3), bx + 16, y, 22, 17, "start", "#1a1a1a", "400");
            y += 6;
            sb.Append(ci, $"<text x=\"{bx + 16}\" y=\"{y}\" font-size=\"16\" fill=\"#1a1a1a\"><tspan font-weight=\"700\">{enc.Encode(t("Tovholder"))}: </tspan>{enc.Encode(Truncate(string.Join(", ", p.Coordinators), 34))}</text>");
            y += 24;
            Lines(sb, Wrap(string.Join(", ", p.Organisations), 44, 2), bx + 16, y, 20, 15, "start", "#454545", "400");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static int Lines(StringBuilder sb, IEnumerable<string> lines, int x, int y, int step, int size, string anchor, string fill, string weight)
    {
        foreach (var line in lines)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{Samskab.Web.Infrastructure.Web.Encoders.Html.Encode(line)}</text>");
            y += step;
        }
        return y;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    internal static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(word);
        }
        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Truncate(lines[^1] + "…", width);
        }
        return lines;
    }
}
