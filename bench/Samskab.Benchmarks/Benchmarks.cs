using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Benchmarks;

/// <summary>The app's services on a database of its own (SQLite file), without starting the web host.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"samskab-bench-{Guid.NewGuid():N}.db");

    public WebApplication App { get; }

    public BenchHost(Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_file}",
            ["Samskab:DemoData"] = "false",
            ["Samskab:BaseUrl"] = "http://localhost:5080",
            ["Logging:LogLevel:Default"] = "Error",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddSamskab();
        App = builder.Build();
    }

    public async Task<int> SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        return await LargeInitiative.SeedAsync(db);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>Compiling and rendering one edition of a 50-platform, 2,000-actor initiative (HTML and plain text).</summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes the host.")]
public class CompileEdition
{
    private BenchHost _host = null!;
    private int _edition;

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost();
        _edition = _host.SeedAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> CompileAndRender()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var compiled = await scope.ServiceProvider.GetRequiredService<NewsletterCompiler>().CompileAsync(_edition);
        return NewsletterRenderer.Html(compiled, includeContacts: true).Length + NewsletterRenderer.Text(compiled, includeContacts: true).Length;
    }
}

/// <summary>
/// Delivery to a local SMTP server (Debian's aiosmtpd, discarding what it gets): first MailKit alone sending the same
/// mails over one connection (what the server can take), then Samskab: start sending, queue 2,000 personal mails, and
/// deliver them through the outbox.
/// </summary>
public static class Delivery
{
    public static async Task RunAsync()
    {
        var port = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("aiosmtpd did not start");
        await WaitForPortAsync(port);
        try
        {
            await using var host = new BenchHost(new()
            {
                ["Mail:Host"] = "127.0.0.1",
                ["Mail:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Mail:Security"] = "None",
                ["Mail:BatchSize"] = "200",
                ["Mail:Connections"] = Environment.GetEnvironmentVariable("BENCH_MAIL_CONNECTIONS") ?? "4",
            });
            var edition = await host.SeedAsync();
            var anchor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench")], "bench"));

            var clock = Stopwatch.StartNew();
            await using (var scope = host.App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<NewsletterDesk>().StartSendingAsync(edition, Audience.Everyone, [], anchor);
            }
            var started = clock.Elapsed;
            clock.Restart();
            while (true)
            {
                await using var scope = host.App.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<NewsletterDesk>().QueueNextBatchAsync() == 0)
                {
                    break;
                }
            }
            var queued = clock.Elapsed;

            // The same mails, built and sent by MailKit alone over one connection: what the server can take.
            List<OutboxMessage> rows;
            OutboxSharedBody shared;
            await using (var scope = host.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                rows = db.OutboxMessages.AsNoTracking().Where(m => m.Category == "Newsletter").OrderBy(m => m.Id).ToList();
                shared = db.OutboxSharedBodies.AsNoTracking().Single(b => b.Id == rows[0].SharedBodyId);
            }
            var size = 0L;
            clock.Restart();
            using (var client = new SmtpClient())
            {
                await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
                foreach (var r in rows)
                {
                    var (text, html) = r.Compose(shared);
                    using var m = new MimeMessage { Subject = r.Subject };
                    m.From.Add(new MailboxAddress("Samskab", "noreply@bench.samskab.dk"));
                    m.To.Add(MailboxAddress.Parse(r.ToAddress));
                    m.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
                    size = text.Length + html!.Length;
                    await client.SendAsync(m);
                }
                await client.DisconnectAsync(true);
            }
            var raw = clock.Elapsed;

            clock.Restart();
            var delivery = host.App.Services.GetRequiredService<OutboxDelivery>();
            var sent = 0;
            while (sent < rows.Count)
            {
                var n = await delivery.DeliverDueInParallelAsync(CancellationToken.None);
                if (n == 0)
                {
                    break;
                }
                sent += n;
            }
            var samskab = clock.Elapsed;
            Console.WriteLine();
            Console.WriteLine($"Newsletter delivery, {rows.Count} recipients, one mail ≈ {size / 1024} KiB of text and HTML:");
            Console.WriteLine($"  start sending (freeze content, fix recipients): {started.TotalMilliseconds:0} ms");
            Console.WriteLine($"  queue personal mails in the outbox:           {queued.TotalMilliseconds:0} ms");
            Console.WriteLine($"  MailKit alone to the server:                   {raw.TotalSeconds:0.0} s = {rows.Count / raw.TotalSeconds:0} mails/s");
            Console.WriteLine($"  Samskab outbox to the server:                  {samskab.TotalSeconds:0.0} s = {sent / samskab.TotalSeconds:0} mails/s ({sent} sent, {host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailSettings>>().Value.Connections} connections)");
        }
        finally
        {
            smtp.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("aiosmtpd did not open its port");
    }
}
