using Microsoft.Extensions.DependencyInjection;
using Samskab.Web.Infrastructure.Mail;

namespace Samskab.Tests.Infrastructure;

/// <summary>The app configured to deliver mail to its own real SMTP server (aiosmtpd).</summary>
public class MailFactory : SamskabFactory
{
    public SmtpTestServer Smtp { get; protected init; } = new();

    /// <summary>When false, the SMTP port is reserved but nothing listens on it until the test starts the server.</summary>
    protected virtual bool StartSmtp => true;

    public override async Task InitializeAsync()
    {
        var port = SmtpTestServer.FreePort();
        if (StartSmtp)
        {
            await Smtp.StartAsync(port);
        }
        Settings["Mail:Host"] = "127.0.0.1";
        Settings["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:Security"] = "None";
        Settings["Mail:FromAddress"] = "samskab@test.samskab.dk";
        SmtpPort = port;
        await base.InitializeAsync();
    }

    public int SmtpPort { get; private set; }

    public OutboxDelivery Delivery => Services.GetRequiredService<OutboxDelivery>();

    protected override Task CleanupAsync() => Smtp.DisposeAsync();
}

public sealed class SmtpDownFactory : MailFactory
{
    protected override bool StartSmtp => false;
}

/// <summary>An SMTP server that drops the connection in the middle of every fifth message.</summary>
public sealed class FlakySmtpFactory : MailFactory
{
    public FlakySmtpFactory() => Smtp = new SmtpTestServer { DropsEvery = 5 };
}
