using System.Net;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Account;

public sealed class LowRateLimitFactory : SamskabFactory
{
    public LowRateLimitFactory()
    {
        Settings["RateLimits:SignInPerMinute"] = "3";
        Settings["RateLimits:SignInLinksPerTenMinutes"] = "2";
    }
}

public class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task SignIn_TooManyPosts_Get429WithDanishPage_ButReadingTheFormIsFree()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/log-ind");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var result = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "x@eksempel.dk", ["Input.Password"] = "forkert-kode-123" });
            statuses.Add(result.Status);
            if (i == 3)
            {
                Assert.Contains("For mange forsøg", result.Text);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/konto/log-ind")).Status);
    }

    [Fact]
    public async Task SignInLink_TooManyRequests_Get429()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/login-link");
        var last = HttpStatusCode.OK;
        for (var i = 0; i < 3; i++)
        {
            last = (await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk" })).Status;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(2, (await factory.ToAsync("aktoer@demo.samskab.dk")).Count(m => m.Category == "SignInLink"));
    }
}
