using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Operations;

/// <summary>Health checks for a load balancer and systemd, split in liveness and readiness.</summary>
public class HealthCheckTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz")]
    public async Task Health_MigratedDatabase_IsLiveAndReady(string path)
    {
        using var client = factory.CreateAppClient();
        var response = await client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Health_DatabaseNotMigrated_IsLiveButNotReady()
    {
        // An instance of a newer build that started before anyone ran its migrations.
        await using var unmigrated = new SamskabFactory();
        unmigrated.Settings["Database:MigrateOnStartup"] = "false";
        unmigrated.Settings["Samskab:DemoData"] = "false";
        await unmigrated.InitializeAsync();
        using var client = unmigrated.CreateAppClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.Http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

        await unmigrated.WithDbAsync(db => Samskab.Web.Infrastructure.Data.DatabaseSetup.MigrateAsync(db));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/healthz/ready")).StatusCode);
    }
}

/// <summary>
/// The app with Prometheus metrics and an OTLP exporter switched on, mail into a pickup folder, and a test hook that
/// sets the connection's remote address from a header (the test server has none of its own).
/// </summary>
public sealed class TelemetryFactory : SamskabFactory
{
    public const string RemoteHeader = "X-Test-Remote-Address";

    public OtlpReceiver Otlp { get; } = new();

    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "samskab-tests", "pickup-" + Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        Settings["Telemetry:Prometheus:Enabled"] = "true";
        Settings["Telemetry:Prometheus:AllowedNetworks"] = "10.20.0.0/16";
        Settings["Telemetry:Otlp:Endpoint"] = Otlp.Address;
        Settings["Telemetry:Otlp:Protocol"] = "http/protobuf";
        Settings["Mail:PickupDirectory"] = _pickup;
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    protected override Task CleanupAsync()
    {
        Otlp.Dispose();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
        return Task.CompletedTask;
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext ctx, RequestDelegate following) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(ctx.Request.Headers[RemoteHeader].FirstOrDefault() ?? "127.0.0.1");
                return following(ctx);
            });
            next(app);
        };
    }
}

/// <summary>A collector's OTLP/HTTP endpoint: records what the exporter posts.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Received { get; } = new();

    public string Address { get; }

    public OtlpReceiver()
    {
        var port = SmtpTestServer.FreePort();
        Address = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Address);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await ctx.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((ctx.Request.Url!.AbsolutePath, ctx.Request.ContentType ?? "", body.ToArray()));
            ctx.Response.StatusCode = 200;
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

public class TelemetryTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    private static async Task<HttpResponseMessage> ScrapeAsync(AppClient client, string remote, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(TelemetryFactory.RemoteHeader, remote);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Metrics_FromThisMachine_ArePrometheusText()
    {
        using var client = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/konto/log-ind")).StatusCode);

        var text = await Eventually.ValueAsync(async () =>
        {
            var response = await ScrapeAsync(client, "127.0.0.1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            return await response.Content.ReadAsStringAsync();
        }, body => body.Split('\n').Any(l => l.StartsWith("http_server_request_duration_seconds_bucket", StringComparison.Ordinal)
            && l.Contains("http_route=\"konto/log-ind\"", StringComparison.Ordinal)), "the request in the scraped metrics");
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromTheMonitoringNetwork_AreServed()
    {
        using var client = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(client, "10.20.3.4")).StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", null)]
    [InlineData("10.21.0.1", null)]
    // Through nginx on the same machine: the forwarded client address is the one checked, so the public never scrapes.
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task Metrics_FromElsewhere_AreNotFound(string remote, string? forwardedFor)
    {
        using var client = factory.CreateAppClient();
        var response = await ScrapeAsync(client, remote, forwardedFor);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_MailDelivered_CountsIt()
    {
        using var client = factory.CreateAppClient();
        var page = await client.GetAsync("/konto/login-link");
        var sent = await client.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "anker@demo.samskab.dk" });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        await Eventually.TrueAsync(async () =>
        {
            var body = await (await ScrapeAsync(client, "127.0.0.1")).Content.ReadAsStringAsync();
            return body.Split('\n').Any(l => l.StartsWith("samskab_mail_sent", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
        }, "the delivered mail in the metrics");
    }

    [Fact]
    public async Task Traces_WithAnOtlpEndpoint_AreExported()
    {
        using var client = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/tilgaengelighed")).StatusCode);
        var tracer = factory.Services.GetRequiredService<TracerProvider>();
        await Eventually.TrueAsync(() =>
        {
            tracer.ForceFlush(5000);
            return Task.FromResult(factory.Otlp.Received.Any(r => r.Path == "/v1/traces" && Encoding.UTF8.GetString(r.Body).Contains("/tilgaengelighed", StringComparison.Ordinal)));
        }, "the request's span at the collector");
        var trace = factory.Otlp.Received.First(r => r.Path == "/v1/traces");
        Assert.Equal("application/x-protobuf", trace.ContentType);
    }

    [Fact]
    public async Task Correlation_RequestIdFromTheProxy_IsTheCorrelationId()
    {
        using var client = factory.CreateAppClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Request-Id", "4f2a9c0d81b34e6f9a7b5c3d2e1f0a9b");
        var response = await client.Http.SendAsync(request);
        Assert.Equal("4f2a9c0d81b34e6f9a7b5c3d2e1f0a9b", response.Headers.GetValues("X-Correlation-Id").Single());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
        var answered = await client.Http.SendAsync(hostile);
        Assert.DoesNotContain("script", answered.Headers.GetValues("X-Correlation-Id").Single(), StringComparison.Ordinal);
    }
}
