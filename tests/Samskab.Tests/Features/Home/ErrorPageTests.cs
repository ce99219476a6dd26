using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Home;

/// <summary>An app with one extra route that fails, to see what a user sees when the server has a bug.</summary>
public sealed class FailingRouteFactory : SamskabFactory
{
    public const string SecretMessage = "database password is hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FailingRoute()));
    }

    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext ctx, RequestDelegate nextMiddleware) =>
                ctx.Request.Path == "/test/fejl" ? throw new InvalidOperationException(SecretMessage) : nextMiddleware(ctx));
        };
    }
}

public class ErrorPageTests(FailingRouteFactory factory) : IClassFixture<FailingRouteFactory>
{
    [Fact]
    public async Task UnhandledException_ShowsDanishErrorPage_WithoutExceptionText()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/test/fejl");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Der opstod en fejl", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(FailingRouteFactory.SecretMessage, page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("main code")!.TextContent));
    }
}
