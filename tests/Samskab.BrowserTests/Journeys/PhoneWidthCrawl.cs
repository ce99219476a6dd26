using System.Text.RegularExpressions;
using Samskab.BrowserTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.BrowserTests.Journeys;

/// <summary>
/// Walks the site on a 390 px phone as a person would, following the links on every page, and fails on any page
/// wider than the phone (a page that scrolls sideways) — with axe-core at zero on every page it visits.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public partial class PhoneWidthCrawl(BrowserFixture browser, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [Theory]
    [InlineData("anker@demo.samskab.dk", 70)]
    [InlineData("aktoer@demo.samskab.dk", 40)]
    public async Task EveryPageReached_FitsA390PxPhone(string email, int maxPages)
    {
        var page = await browser.SignedInPageAsync(email, phone: true);
        var queue = new Queue<string>(["/start"]);
        var seenShapes = new HashSet<string>();
        var visited = 0;
        var problems = new List<string>();
        while (queue.Count > 0 && visited < maxPages)
        {
            var url = queue.Dequeue();
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            visited++;
            var name = "phone-" + email.Split('@')[0] + "-" + Regex.Replace(new Uri(page.Url).PathAndQuery, "[^a-zA-Z0-9]+", "-").Trim('-');
            try
            {
                await BrowserFixture.CheckAsync(page, name.Length > 90 ? name[..90] : name);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                problems.Add(e.Message);
            }
            var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
            if (width > PhoneWidth)
            {
                // The outermost elements that stick out (their parent does not), outside horizontal scroll regions.
                var culprit = await page.EvaluateAsync<string>(@"() => {
                    const out = e => e.getBoundingClientRect().right > 391;
                    const wide = [...document.querySelectorAll('body *')].filter(e => out(e) && e.parentElement && !out(e.parentElement)
                        && !(e.parentElement.closest('.table--responsive-scroll, [role=region]')));
                    return wide.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ');
                }");
                problems.Add($"{url} is {width} px wide ({culprit})");
            }
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a[href], nav a[href]')].map(a => a.getAttribute('href'))");
            foreach (var href in links.Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.StartsWith("/konto/log-ud", StringComparison.Ordinal)
                         && !Regex.IsMatch(h, "handler=(Csv|Xlsx|Svg|Json|Export|Mail|Download)|\\.ics$|/kalender/|/api/|/openapi", RegexOptions.IgnoreCase)))
            {
                var path = href.Split('#')[0];
                if (seenShapes.Add(Digits().Replace(path.Split('?')[0], "{n}") + (path.Contains('?', StringComparison.Ordinal) ? "?" : "")))
                {
                    queue.Enqueue(path);
                }
            }
        }
        output.WriteLine($"{email}: {visited} pages at {PhoneWidth} px, {problems.Count} too wide");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
