using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Samskab.Web.Infrastructure.Mail;

/// <summary>How mail leaves Samskab. One real implementation (SMTP); the seam exists for benchmarks and operators.</summary>
public interface IMailTransport
{
    bool IsConfigured { get; }
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>A failure that will not go away by trying again (e.g. the server rejects the recipient).</summary>
public sealed class PermanentMailException(string message, Exception inner) : Exception(message, inner);

public sealed class SmtpMailTransport(IOptions<MailSettings> options, IHostEnvironment environment) : IMailTransport
{
    public bool IsConfigured => options.Value.Delivers;

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            var folder = Path.Combine(environment.ContentRootPath, settings.PickupDirectory!);
            Directory.CreateDirectory(folder);
            return new PickupSession(folder);
        }
        var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.Security.ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        return new Session(client);
    }

    /// <summary>Writes each message as an .eml file; the file appears complete or not at all (written, then renamed).</summary>
    private sealed class PickupSession(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}";
            var temporary = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temporary, CancellationToken.None);
            File.Move(temporary, Path.Combine(folder, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                throw new PermanentMailException($"{(int)e.StatusCode} {e.Message}", e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true);
                }
            }
            catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException)
            {
                // The server went away; there is nothing left to close politely.
            }
            client.Dispose();
        }
    }
}
