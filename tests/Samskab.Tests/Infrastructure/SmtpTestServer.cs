using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Xunit;

namespace Samskab.Tests.Infrastructure;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd, writing every accepted message to a Maildir that the test reads back with
/// MimeKit. Each fixture has its own port and folder.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";
    private static readonly string[] MaildirFolders = ["new", "cur"];
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>When set, the server drops the connection during every n-th message instead of accepting it.</summary>
    public int? DropsEvery { get; init; }
    public string MaildirPath { get; } = Path.Combine(Path.GetTempPath(), "samskab-smtp-" + Guid.NewGuid().ToString("N")[..8]);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        await StartAsync();
    }

    public async Task StartAsync(int? port = null)
    {
        Port = port ?? FreePort();
        var handler = "aiosmtpd.handlers.Mailbox";
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", DropsEvery is null ? handler : "samskab_flaky.Flaky", MaildirPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (DropsEvery is int every)
        {
            // A server that cuts the connection in the middle of every n-th message, before accepting it.
            var folder = Path.Combine(Path.GetTempPath(), "samskab-flaky-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "samskab_flaky.py"), $$"""
                from aiosmtpd.handlers import Mailbox

                class Flaky(Mailbox):
                    count = 0

                    async def handle_DATA(self, server, session, envelope):
                        Flaky.count += 1
                        if Flaky.count % {{every}} == 0:
                            server.transport.close()
                            return "421 Closing connection"
                        return await super().handle_DATA(server, session, envelope)
                """);
            start.Environment["PYTHONPATH"] = folder;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync());
                }
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("aiosmtpd did not open its port");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = MaildirFolders
            .Select(d => Path.Combine(MaildirPath, d))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Order(StringComparer.Ordinal);
        return files.Select(f => MimeMessage.Load(f)).ToList();
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until the server holds at least <paramref name="count"/> messages for the address.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = MessagesTo(address);
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        if (Directory.Exists(MaildirPath))
        {
            Directory.Delete(MaildirPath, recursive: true);
        }
        return Task.CompletedTask;
    }
}
