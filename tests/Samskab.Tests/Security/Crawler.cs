using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Samskab.Tests.Security;

/// <summary>
/// Walks the site as one signed-in person would, by following every link on every page it can reach, and collects
/// the forms it finds. Pages of the same shape (/platforme/3 and /platforme/4) are visited a few times, not all.
/// </summary>
public sealed partial class Crawler(HttpClient http)
{
    public sealed record FormShape(string Key, string PageUrl, string Method, string Action, IReadOnlyList<string> Fields);

    public sealed record Page(string Url, HttpStatusCode Status, IHtmlDocument? Document, string Body);

    /// <summary>Pages the crawler never follows: signing out would end the walk.</summary>
    private static readonly string[] NeverFollow = ["/konto/log-ud"];

    private static readonly string[] StartPages = ["/", "/start", "/initiativer", "/deltag", "/konto", "/kalender", "/organisationer", "/admin", "/konto/sessioner", "/konto/mine-data"];

    public List<Page> Visited { get; } = [];
    public Dictionary<string, FormShape> Forms { get; } = [];
    public List<string> Problems { get; } = [];

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>The shape of a URL: numbers become {n}, query values are dropped.</summary>
    public static string Shape(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var keys = string.Join("&", (uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)).Select(q => q.Split('=')[0].ToLowerInvariant()).Order());
        var handler = Regex.Match(uri.Query, "handler=([A-Za-z]+)").Groups[1].Value;
        return Digits().Replace(uri.AbsolutePath, "{n}") + (keys.Length > 0 ? "?" + keys + (handler.Length > 0 ? ":" + handler : "") : "");
    }

    public static bool IsDownload(string url) =>
        Regex.IsMatch(url, "handler=(Csv|Xlsx|Svg|Json|Ics|Html|Export|Download)", RegexOptions.IgnoreCase) || url.EndsWith(".ics", StringComparison.Ordinal)
        || url.Contains("/kalender/", StringComparison.Ordinal) && url.EndsWith(".ics", StringComparison.Ordinal);

    public async Task CrawlAsync(int maxPages = 700, int perShape = 2)
    {
        var queue = new Queue<string>(StartPages);
        var seen = new HashSet<string>(StartPages);
        var shapes = new Dictionary<string, int>();
        while (queue.Count > 0 && Visited.Count < maxPages)
        {
            var url = queue.Dequeue();
            var page = await GetAsync(url);
            Visited.Add(page);
            if ((int)page.Status >= 500)
            {
                Problems.Add($"GET {url} answered {(int)page.Status}");
                continue;
            }
            if (page.Document is null)
            {
                continue;
            }
            CollectForms(page);
            foreach (var href in Links(page.Document))
            {
                if (!seen.Add(href))
                {
                    continue;
                }
                var shape = Shape(href);
                shapes.TryGetValue(shape, out var n);
                if (n >= perShape)
                {
                    continue;
                }
                shapes[shape] = n + 1;
                queue.Enqueue(href);
            }
        }
    }

    public async Task<Page> GetAsync(string url, bool follow = true)
    {
        var response = await http.GetAsync(url);
        for (var hops = 0; follow && hops < 5 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
        {
            var next = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            if (!next.StartsWith('/') || NeverFollow.Any(n => next.StartsWith(n, StringComparison.Ordinal)))
            {
                break;
            }
            url = next;
            response = await http.GetAsync(next);
        }
        return await ReadAsync(url, response);
    }

    public static async Task<Page> ReadAsync(string url, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        IHtmlDocument? document = null;
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var address = response.RequestMessage?.RequestUri ?? new Uri("http://localhost" + url);
            document = (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(body).Address(address));
        }
        return new Page(url, response.StatusCode, document, body);
    }

    public static IEnumerable<string> Links(IHtmlDocument document) =>
        document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Trim())
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !NeverFollow.Any(n => h.StartsWith(n, StringComparison.Ordinal)))
            .Select(h => h.Split('#')[0]).Where(h => h.Length > 0).Distinct();

    private void CollectForms(Page page)
    {
        foreach (var form in page.Document!.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
            var action = FormAction(form, page.Url);
            if (NeverFollow.Any(n => action.StartsWith(n, StringComparison.Ordinal)))
            {
                continue;
            }
            var fields = FieldNames(form);
            if (method == "GET" && fields.Count == 0)
            {
                continue;
            }
            var key = $"{method} {Shape(action)} [{string.Join(",", fields.Order())}]";
            Forms.TryAdd(key, new FormShape(key, page.Url, method, action, fields));
        }
    }

    public static string FormAction(IHtmlFormElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    public static List<string> FieldNames(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && e is not IHtmlButtonElement && e.GetAttribute("type") is not ("submit" or "button"))
            .Select(e => e.GetAttribute("name")!).Distinct().ToList();

    /// <summary>Every link, frame and form target that would run script: none may ever be rendered.</summary>
    public static IEnumerable<string> ScriptLinks(IHtmlDocument document) =>
        document.QuerySelectorAll("a[href], area[href], iframe[src], form[action], button[formaction], embed[src], object[data]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action") ?? e.GetAttribute("formaction") ?? e.GetAttribute("data") ?? "")
            .Where(v => Regex.IsMatch(Regex.Replace(v, @"[\s\u0000-\u001f]", ""), "^(javascript|vbscript|data:text/html)", RegexOptions.IgnoreCase));
}
