using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Newsletters;

/// <summary>
/// Renders a compiled edition as an HTML fragment (the same in the mail, the preview, the archive and the export) and
/// as plain text. The newsletter is a Danish document: its headings are Danish whatever the reader's UI language.
/// Every piece of text is encoded, and Markdown goes through <see cref="SafeMarkdown"/>.
/// </summary>
public static class NewsletterRenderer
{
    private static readonly CultureInfo Da = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The mail's one style block. Constant, so a page can allow exactly it by hash.</summary>
    public const string Style =
        "body{margin:0;padding:0;background:#f5f5f5;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5}"
        + ".nl-wrap{max-width:44rem;margin:0 auto;padding:1.5rem 1rem;background:#fff}"
        + "h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-top:2px solid #004993;padding-top:1rem}"
        + "h3{font-size:1.15rem;margin:1.5rem 0 .25rem}h4{font-size:1rem;margin:1rem 0 .25rem}"
        + "a{color:#004993;text-decoration:underline}.nl-kicker,.nl-meta,.nl-footer{color:#454545;font-size:.9rem}"
        + "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bfbfbf;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}.nl-table{overflow-x:auto;margin-bottom:1rem}"
        + "th{background:#f0f0f0}caption{text-align:left;font-weight:bold;padding:.25rem 0}.nl-footer{border-top:1px solid #bfbfbf;margin-top:2rem;padding-top:1rem}"
        + "@media print{body{background:#fff}.nl-wrap{max-width:none;padding:0}a{color:#000}}";

    /// <summary>The CSP source for <see cref="Style"/>.</summary>
    public static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

    public static string Html(CompiledEdition e, bool includeContacts)
    {
        var h = new StringBuilder();
        h.Append("<article class=\"newsletter\">");
        h.Append("<p class=\"nl-kicker\">").Append(E(e.Initiative)).Append(" · Nyhedsbrev nr. ").Append(e.Number).Append(" · ").Append(E(Day(e.Date))).Append("</p>");
        h.Append("<h1>").Append(E(e.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(e.Challenge))
        {
            h.Append("<p><strong>Den fælles udfordring:</strong> ").Append(E(e.Challenge)).Append("</p>");
        }
        if (!string.IsNullOrWhiteSpace(e.Introduction))
        {
            h.Append("<h2>Indledning</h2>").Append(SafeMarkdown.ToHtml(e.Introduction));
        }
        if (!string.IsNullOrWhiteSpace(e.MinutesSummary))
        {
            h.Append("<h2>").Append(E(e.MeetingAt is { } at ? $"Fra det fælles statusmøde {Day(at)}" : "Fra det fælles statusmøde")).Append("</h2>")
                .Append(SafeMarkdown.ToHtml(e.MinutesSummary));
        }

        h.Append("<h2>Nyt fra udviklingsplatformene</h2>");
        foreach (var s in e.Sections)
        {
            h.Append("<section class=\"nl-platform\"><h3>").Append(E(s.Platform)).Append("</h3>");
            h.Append("<p class=\"nl-meta\">").Append(s.Coordinators.Count == 1 ? "Tovholder: " : "Tovholdere: ").Append(E(Join(s.Coordinators, "ingen endnu"))).Append("<br>")
                .Append("Aktører: ").Append(E(Join(s.Actors, "ingen"))).Append("</p>");
            Part(h, "Fokus lige nu", s.Focus);
            Part(h, "Fremdrift siden sidst", s.Progress);
            Part(h, "Det har været svært", s.Challenges);
            Part(h, "Det sker nu", s.NextSteps);
            h.Append("</section>");
        }
        if (e.Sections.Count == 0)
        {
            h.Append("<p>Ingen platforme har skrevet en statusberetning til denne udgave.</p>");
        }
        if (e.Missing.Count > 0)
        {
            h.Append("<p class=\"nl-meta\">Ingen statusberetning denne gang fra: ").Append(E(string.Join(", ", e.Missing))).Append(".</p>");
        }

        h.Append("<h2>Overblik over platformene</h2>");
        h.Append("<div class=\"nl-table\" role=\"region\" aria-label=\"Overblik over platformene\" tabindex=\"0\"><table><caption>Aktive platforme og platforme på standby</caption><thead><tr><th scope=\"col\">Platform</th><th scope=\"col\">Status</th><th scope=\"col\">Fokus</th><th scope=\"col\">Tovholder</th><th scope=\"col\">Organisationer</th></tr></thead><tbody>");
        foreach (var p in e.Overview)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(p.Name)).Append("</th><td>").Append(E(PlatformStatusText(p.Status))).Append("</td><td>").Append(E(p.Focus ?? "–"))
                .Append("</td><td>").Append(E(Join(p.Coordinators, "–"))).Append("</td><td>").Append(E(Join(p.Organisations, "–"))).Append("</td></tr>");
        }
        h.Append("</tbody></table></div>");

        h.Append("<h2>Forandringer på platformene siden sidst</h2>");
        List(h, e.Changes, "Ingen platforme er åbnet, lagt sammen, sat på standby eller lukket siden sidste nyhedsbrev.",
            c => E(Day(c.At)) + ": " + E(c.What) + (string.IsNullOrWhiteSpace(c.Why) ? "" : " <em>" + E(c.Why) + "</em>"));
        h.Append("<h2>Nye aktører</h2>");
        List(h, e.NewActors, "Ingen nye aktører siden sidste nyhedsbrev.",
            a => "<strong>" + E(a.Name) + "</strong>" + (a.Organisation is null ? "" : ", " + E(a.Organisation)) + (a.Platforms.Count == 0 ? "" : " – " + E(string.Join(", ", a.Platforms))));
        h.Append("<h2>Ringe i vandet siden sidst</h2>");
        List(h, e.Ripples, "Ingen nye ringe i vandet registreret siden sidste nyhedsbrev.",
            r => E(r.On.ToText("d. MMMM yyyy", Da)) + ": " + E(r.What) + (r.Platforms.Count == 0 ? "" : " (" + E(string.Join(", ", r.Platforms)) + ")"));

        if (includeContacts)
        {
            h.Append("<h2>Kontaktliste</h2><p>Aktører, der har givet samtykke til at dele deres kontaktoplysninger.</p>");
            h.Append("<div class=\"nl-table\" role=\"region\" aria-label=\"Kontaktliste\" tabindex=\"0\"><table><caption>Kontaktoplysninger</caption><thead><tr><th scope=\"col\">Navn</th><th scope=\"col\">Organisation</th><th scope=\"col\">E-mail</th><th scope=\"col\">Telefon</th></tr></thead><tbody>");
            foreach (var c in e.Contacts)
            {
                h.Append("<tr><th scope=\"row\">").Append(E(c.Name)).Append(c.Title is null ? "" : "<br>" + E(c.Title)).Append("</th><td>").Append(E(c.Organisation ?? "–"))
                    .Append("</td><td>").Append(c.Email is null ? "–" : $"<a href=\"mailto:{E(c.Email)}\">{E(c.Email)}</a>")
                    .Append("</td><td>").Append(E(c.Phone ?? "–")).Append("</td></tr>");
            }
            h.Append("</tbody></table></div>");
        }
        h.Append("</article>");
        return h.ToString();
    }

    public static string Text(CompiledEdition e, bool includeContacts)
    {
        var t = new StringBuilder();
        t.Append(e.Initiative).Append(" · Nyhedsbrev nr. ").Append(e.Number).Append(" · ").Append(Day(e.Date)).Append("\n\n");
        Heading(t, e.Title, '=');
        if (!string.IsNullOrWhiteSpace(e.Challenge))
        {
            t.Append("Den fælles udfordring: ").Append(e.Challenge).Append("\n\n");
        }
        if (!string.IsNullOrWhiteSpace(e.Introduction))
        {
            Heading(t, "Indledning", '-');
            t.Append(e.Introduction.Trim()).Append("\n\n");
        }
        if (!string.IsNullOrWhiteSpace(e.MinutesSummary))
        {
            Heading(t, e.MeetingAt is { } at ? $"Fra det fælles statusmøde {Day(at)}" : "Fra det fælles statusmøde", '-');
            t.Append(e.MinutesSummary.Trim()).Append("\n\n");
        }
        Heading(t, "Nyt fra udviklingsplatformene", '-');
        foreach (var s in e.Sections)
        {
            t.Append("### ").Append(s.Platform).Append('\n');
            t.Append(s.Coordinators.Count == 1 ? "Tovholder: " : "Tovholdere: ").Append(Join(s.Coordinators, "ingen endnu")).Append('\n');
            t.Append("Aktører: ").Append(Join(s.Actors, "ingen")).Append("\n\n");
            foreach (var (label, text) in new[] { ("Fokus lige nu", s.Focus), ("Fremdrift siden sidst", s.Progress), ("Det har været svært", s.Challenges), ("Det sker nu", s.NextSteps) })
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    t.Append(label).Append(":\n").Append(text.Trim()).Append("\n\n");
                }
            }
        }
        if (e.Missing.Count > 0)
        {
            t.Append("Ingen statusberetning denne gang fra: ").Append(string.Join(", ", e.Missing)).Append(".\n\n");
        }
        Heading(t, "Overblik over platformene", '-');
        foreach (var p in e.Overview)
        {
            t.Append("- ").Append(p.Name).Append(" (").Append(PlatformStatusText(p.Status).ToLower(Da)).Append("): ").Append(p.Focus ?? "–")
                .Append(". Tovholder: ").Append(Join(p.Coordinators, "–")).Append(". Organisationer: ").Append(Join(p.Organisations, "–")).Append('\n');
        }
        t.Append('\n');
        Heading(t, "Forandringer på platformene siden sidst", '-');
        TextList(t, e.Changes.Select(c => $"{Day(c.At)}: {c.What}" + (string.IsNullOrWhiteSpace(c.Why) ? "" : $" ({c.Why})")), "Ingen siden sidste nyhedsbrev.");
        Heading(t, "Nye aktører", '-');
        TextList(t, e.NewActors.Select(a => a.Name + (a.Organisation is null ? "" : ", " + a.Organisation) + (a.Platforms.Count == 0 ? "" : " – " + string.Join(", ", a.Platforms))), "Ingen siden sidste nyhedsbrev.");
        Heading(t, "Ringe i vandet siden sidst", '-');
        TextList(t, e.Ripples.Select(r => $"{r.On.ToText("d. MMMM yyyy", Da)}: {r.What}"), "Ingen siden sidste nyhedsbrev.");
        if (includeContacts)
        {
            Heading(t, "Kontaktliste", '-');
            TextList(t, e.Contacts.Select(c => string.Join(", ", new[] { c.Name, c.Organisation, c.Email, c.Phone }.Where(x => !string.IsNullOrWhiteSpace(x)))), "Ingen har givet samtykke til at dele kontaktoplysninger.");
        }
        return t.ToString().TrimEnd() + "\n";
    }

    /// <summary>A whole HTML document around a fragment: what a recipient gets, what the preview shows, what the export saves.</summary>
    public static string Document(string title, string bodyHtml, string? greeting, string? footerHtml) =>
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + E(title) + "</title><style>" + Style + "</style></head><body><div class=\"nl-wrap\">"
        + (greeting is null ? "" : "<p>" + E(greeting) + "</p>")
        + bodyHtml
        + (footerHtml is null ? "" : "<div class=\"nl-footer\">" + footerHtml + "</div>")
        + "</div></body></html>";

    /// <summary>The mail footer: read online and manage e-mail preferences.</summary>
    public static (string Html, string Text) Footer(string initiative, string readUrl, string preferencesUrl)
    {
        var html = $"<p><a href=\"{E(readUrl)}\">Læs nyhedsbrevet i din browser</a> · <a href=\"{E(preferencesUrl)}\">Administrér dine e-mailindstillinger</a></p>"
            + $"<p>Du får dette nyhedsbrev, fordi du er aktør i {E(initiative)}.</p>";
        var text = $"Læs nyhedsbrevet i din browser: {readUrl}\nAdministrér dine e-mailindstillinger: {preferencesUrl}\nDu får dette nyhedsbrev, fordi du er aktør i {initiative}.\n";
        return (html, text);
    }

    public static string PlatformStatusText(PlatformStatus s) => s switch
    {
        PlatformStatus.Active => "Aktiv",
        PlatformStatus.Standby => "Standby",
        PlatformStatus.Closed => "Lukket",
        _ => "Lagt sammen",
    };

    private static void Part(StringBuilder h, string label, string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return;
        }
        h.Append("<h4>").Append(E(label)).Append("</h4>").Append(SafeMarkdown.ToHtml(markdown));
    }

    private static void List<T>(StringBuilder h, IReadOnlyList<T> items, string empty, Func<T, string> item)
    {
        if (items.Count == 0)
        {
            h.Append("<p>").Append(E(empty)).Append("</p>");
            return;
        }
        h.Append("<ul>");
        foreach (var x in items)
        {
            h.Append("<li>").Append(item(x)).Append("</li>");
        }
        h.Append("</ul>");
    }

    private static void Heading(StringBuilder t, string text, char underline) =>
        t.Append(text).Append('\n').Append(underline, Math.Max(3, text.Length)).Append("\n\n");

    private static void TextList(StringBuilder t, IEnumerable<string> items, string empty)
    {
        var any = false;
        foreach (var i in items)
        {
            t.Append("- ").Append(i).Append('\n');
            any = true;
        }
        t.Append(any ? "\n" : empty + "\n\n");
    }

    private static string Join(IReadOnlyList<string> items, string empty) => items.Count == 0 ? empty : string.Join(", ", items);

    private static string Day(DateTimeOffset at) => at.ToDanish().ToText("d. MMMM yyyy", Da);

    private static string E(string text) => Encoders.Html.Encode(text);
}
