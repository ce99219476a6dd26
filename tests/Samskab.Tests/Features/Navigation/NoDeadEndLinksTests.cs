using System.Net;
using Samskab.Tests.Infrastructure;
using Samskab.Tests.Security;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.Tests.Features.Navigation;

/// <summary>
/// A person sees only the links they may follow: crawls the site as each role and fails on any link shown on a page
/// that answers 403 (or sends a signed-in person to the sign-in page).
/// </summary>
public class NoDeadEndLinksTests(SamskabFactory factory, ITestOutputHelper output) : IClassFixture<SamskabFactory>
{
    [Theory]
    [InlineData("anker@demo.samskab.dk")]
    [InlineData("tovholder@demo.samskab.dk")]
    [InlineData("aktoer@demo.samskab.dk")]
    [InlineData("admin@demo.samskab.dk")]
    [InlineData("observer")]
    public async Task EveryShownLink_AnswersSomethingOtherThanNoAccess(string who)
    {
        var email = who == "observer" ? await factory.AccountForAsync("Nina Poulsen") : who;
        using var client = await factory.SignedInAsync(email);
        var crawler = new Crawler(client.Http);
        await crawler.CrawlAsync(maxPages: 400, perShape: 2);
        var statuses = new Dictionary<string, HttpStatusCode>();
        var problems = new List<string>();
        foreach (var page in crawler.Visited.Where(p => p.Document is not null))
        {
            foreach (var link in Crawler.Links(page.Document!))
            {
                if (!statuses.TryGetValue(link, out var status))
                {
                    using var response = await client.Http.GetAsync(link);
                    status = response.StatusCode;
                    if ((int)status is >= 300 and < 400 && response.Headers.Location?.OriginalString.Contains("/konto/log-ind", StringComparison.Ordinal) == true)
                    {
                        status = HttpStatusCode.Unauthorized;
                    }
                    statuses[link] = status;
                }
                if (status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound || (int)status >= 500)
                {
                    problems.Add($"{page.Url} shows a link to {link}, which answers {(int)status}");
                }
            }
        }
        output.WriteLine($"{who}: {crawler.Visited.Count} pages, {statuses.Count} distinct links, {problems.Count} dead ends");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(60)));
    }
}
