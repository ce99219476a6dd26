using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Samskab.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands each request makes and answers the count in an X-Sql-Commands header, so a test can check
/// that a page makes a fixed number of queries whatever the amount of data. Background work (the outbox, the
/// newsletter sender) has no request and is not counted.
/// </summary>
public sealed class SqlCountingFactory : SamskabFactory
{
    public const string Header = "X-Sql-Commands";
    private const string Key = "samskab.sql-commands";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor, Counter>();
            services.AddSingleton<IStartupFilter, HeaderFilter>();
        });
    }

    private sealed class Counter(IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        private void Count()
        {
            if (accessor.HttpContext is { } http)
            {
                http.Items[Key] = (http.Items[Key] as int? ?? 0) + 1;
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class HeaderFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[Header] = (context.Items[Key] as int? ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

public static class SqlCountingExtensions
{
    /// <summary>The number of SQL commands the page made, following no redirects.</summary>
    public static async Task<int> SqlCommandsAsync(this AppClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return int.Parse(response.Headers.GetValues(SqlCountingFactory.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
