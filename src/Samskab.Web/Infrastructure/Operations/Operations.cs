using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Operations;

/// <summary>
/// What an operator needs to run Samskab behind a reverse proxy and watch it (docs/deployment.md): forwarded headers
/// from trusted proxies, liveness and readiness checks, and OpenTelemetry metrics and traces, switched on by
/// configuration (an OTLP endpoint; a Prometheus scrape endpoint that answers only trusted networks).
/// </summary>
public static class OperationsSetup
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string MetricsPath = "/metrics";
    private const string ReadyTag = "ready";

    /// <summary>The app's own instruments (mails delivered, …) are in this meter.</summary>
    public static readonly Meter Meter = new("Samskab");

    public static readonly Counter<long> MailsSent = Meter.CreateCounter<long>("samskab.mail.sent", "{message}", "Mails handed to the SMTP server.");
    public static readonly Counter<long> MailsFailed = Meter.CreateCounter<long>("samskab.mail.failed", "{message}", "Mail attempts that failed (to be retried or given up).");

    public static void AddOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default (nginx on the same machine); other proxies are named in configuration.
            foreach (var proxy in List(configuration["Proxy:KnownProxies"]))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in List(configuration["Proxy:KnownNetworks"]))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag]);
        services.AddSingleton<MigrationsHealthCheck.State>();

        var otlp = configuration["Telemetry:Otlp:Endpoint"];
        var prometheus = configuration.GetValue("Telemetry:Prometheus:Enabled", false);
        if (string.IsNullOrWhiteSpace(otlp) && !prometheus)
        {
            return; // Nothing to export to: no instrumentation, no cost per request.
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["Telemetry:ServiceName"] ?? "samskab", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(Meter.Name, "Npgsql");
                if (prometheus)
                {
                    m.AddPrometheusExporter();
                }
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => ConfigureOtlp(o, configuration, "metrics"));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsOperationsPath(ctx.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => ConfigureOtlp(o, configuration, "traces")));
        }
    }

    private static void ConfigureOtlp(OpenTelemetry.Exporter.OtlpExporterOptions o, ConfigurationManager configuration, string signal)
    {
        o.Endpoint = new Uri(configuration["Telemetry:Otlp:Endpoint"]!);
        o.Protocol = string.Equals(configuration["Telemetry:Otlp:Protocol"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OpenTelemetry.Exporter.OtlpExportProtocol.Grpc
            : OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
        if (o.Protocol == OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf && o.Endpoint.AbsolutePath is "" or "/")
        {
            // OTLP/HTTP wants a path per signal; an endpoint given as a bare collector address gets the standard ones.
            o.Endpoint = new Uri(o.Endpoint, "v1/" + signal);
        }
        var headers = configuration["Telemetry:Otlp:Headers"];
        if (!string.IsNullOrWhiteSpace(headers))
        {
            o.Headers = headers;
        }
    }

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them.</summary>
    public static void UseForwardedHeadersFromProxy(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>Health checks and the metrics endpoint; none of them touches sessions, cookies or localisation.</summary>
    public static void UseOperationsEndpoints(this WebApplication app)
    {
        if (app.Configuration.GetValue("Telemetry:Prometheus:Enabled", false))
        {
            var allowed = List(app.Configuration["Telemetry:Prometheus:AllowedNetworks"])
                .Select(n => System.Net.IPNetwork.Parse(n)).ToList();
            app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx =>
                ctx.Request.Path == MetricsPath && MayScrape(ctx.Connection.RemoteIpAddress, allowed));
        }
    }

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        // Liveness: the process answers. No dependency is checked, so a database outage does not get every instance
        // restarted at once.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        // Readiness: the database answers and its schema is the one this build expects.
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
    }

    /// <summary>Scrapes come from the machine itself or a named monitoring network, never through the public proxy
    /// (whose forwarded client address is then the one checked).</summary>
    internal static bool MayScrape(IPAddress? remote, IReadOnlyList<System.Net.IPNetwork> allowed)
    {
        if (remote is null)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return IPAddress.IsLoopback(remote) || allowed.Any(n => n.Contains(remote));
    }

    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments(MetricsPath);

    private static string[] List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable")
                : HealthCheckResult.Unhealthy("Database not reachable");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database not reachable", e);
        }
    }
}

/// <summary>Not ready while the database lacks a migration this build has (an instance of a newer build started
/// before the migration ran). Once all are applied it stays so for the life of the process.</summary>
public sealed class MigrationsHealthCheck(AppDbContext db, MigrationsHealthCheck.State state) : IHealthCheck
{
    public sealed class State
    {
        public bool Applied { get; set; }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Applied)
        {
            return HealthCheckResult.Healthy("Migrations applied");
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied (first: {pending[0]})");
            }
            state.Applied = true;
            return HealthCheckResult.Healthy("Migrations applied");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Migrations could not be read", e);
        }
    }
}
