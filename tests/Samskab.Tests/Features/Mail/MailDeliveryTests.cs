using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Mail;
using Xunit;

namespace Samskab.Tests.Features.Mail;

public class MailDeliveryTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private async Task EnqueueAsync(params OutgoingMail[] mails)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        foreach (var mail in mails)
        {
            outbox.Enqueue(mail);
        }
        await scope.ServiceProvider.GetRequiredService<Samskab.Web.Infrastructure.Data.AppDbContext>().SaveChangesAsync();
    }

    private static OutgoingMail Mail(string to, string subject = "Test") => new(to, "Modtager", subject, "Tekst", "<p>Tekst</p>", "Test");

    [Fact]
    public async Task SignInLink_TravelsOverSmtp_AndSignsTheUserIn()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/konto/login-link");
        await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk" });

        await factory.Smtp.WaitForAsync("aktoer@demo.samskab.dk");
        var links = await Eventually.ValueAsync(() => Task.FromResult(factory.Smtp.MessagesTo("aktoer@demo.samskab.dk").Where(m => m.Subject == "Dit login-link til Samskab").ToList()),
            l => l.Count > 0, "the sign-in link mail");
        var message = Assert.Single(links);
        Assert.Equal("samskab@test.samskab.dk", message.From.Mailboxes.Single().Address);
        Assert.NotNull(message.HtmlBody);
        Assert.Contains("lang=\"da\"", message.HtmlBody, StringComparison.Ordinal);
        var link = Outbox.LinkIn(message.TextBody!, "/konto/login-link/");

        var landing = await client.GetAsync(link);
        var signedIn = await client.SubmitAsync(landing.Document, "main form");
        Assert.Contains("Hej Aisha Aktør", signedIn.Text);

        var row = await factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == "aktoer@demo.samskab.dk" && m.Category == "SignInLink"));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.NotNull(row.SentAt);
        Assert.Equal("<" + row.MessageIdHeader + ">", "<" + message.MessageId + ">");
    }

    [Fact]
    public async Task MeetingInvitation_TravelsOverSmtp_WithIcsThatParses_AndTheReplyLinkWorks()
    {
        var (initiative, platforms) = await factory.InitiativeWithPlatformsAsync("Møde over SMTP", "SMTP-platform");
        using var tobias = await factory.SignedInAsync("tovholder@demo.samskab.dk");
        var form = await tobias.GetAsync($"/initiativer/{initiative}/moeder/nyt?type=PlatformMeeting&platform={platforms[0]}");
        var date = DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await tobias.SubmitAsync(form.Document, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Møde med invitation over SMTP",
            ["Input.Date"] = date,
            ["Input.Start"] = "16:30",
            ["Input.End"] = "18:00",
        });

        var received = await factory.Smtp.WaitForAsync("aktoer@demo.samskab.dk");
        var message = Assert.Single(received, m => m.Subject == "Invitation: Møde med invitation over SMTP");
        var ics = message.Attachments.OfType<MimeKit.MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Møde med invitation over SMTP", e.Summary);
        Assert.Equal("Europe/Copenhagen", e.DtStart!.TzId);
        Assert.Equal(new TimeOnly(16, 30), TimeOnly.FromDateTime(e.DtStart.Value));
        Assert.Single(calendar.TimeZones);
        Assert.Contains(e.Attendees, a => a.Value!.ToString().Contains("aktoer@demo.samskab.dk", StringComparison.Ordinal));

        using var aisha = factory.CreateAppClient();
        var reply = await aisha.GetAsync(Outbox.LinkIn(message.TextBody!, "/moeder/svar/"));
        var answered = await aisha.SubmitAsync(reply.Document, "main form", submitName: "reply=Yes");
        Assert.Contains("Tak – vi ses!", answered.Text);
    }

    [Fact]
    public async Task Delivery_SeveralDispatchersAtOnce_SendEachMessageExactlyOnce()
    {
        var recipients = Enumerable.Range(1, 40).Select(i => $"samtidig{i}@eksempel.dk").ToArray();
        await EnqueueAsync(recipients.Select(r => Mail(r)).ToArray());

        // Two extra dispatchers, as if two more app instances shared the database, race the app's own.
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var transport = factory.Services.GetRequiredService<IMailTransport>();
        var options = factory.Services.GetRequiredService<IOptions<MailSettings>>();
        var others = Enumerable.Range(0, 2).Select(_ => new OutboxDelivery(scopes, transport, options, TimeProvider.System, NullLogger<OutboxDelivery>.Instance)).ToList();
        await Task.WhenAll(others.Select(d => d.DeliverDueAsync(CancellationToken.None)));

        foreach (var r in recipients)
        {
            await factory.Smtp.WaitForAsync(r);
        }
        await factory.SettledAsync(m => m.ToAddress.StartsWith("samtidig"));
        Assert.All(recipients, r => Assert.Single(factory.Smtp.MessagesTo(r)));
        var statuses = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.StartsWith("samtidig")).Select(m => m.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboxStatus.Sent, s));
    }

    [Fact]
    public async Task Delivery_InvalidAddress_IsReportedAsFailed_AndOthersStillGo()
    {
        await EnqueueAsync(Mail("ikke-en-adresse"), Mail("efter@eksempel.dk"));
        await factory.Smtp.WaitForAsync("efter@eksempel.dk");
        var failed = await WaitForStatusAsync("ikke-en-adresse", OutboxStatus.Failed);
        Assert.Equal("Ugyldig e-mailadresse", failed.LastError);
    }

    [Fact]
    public async Task Delivery_StaleLeaseAfterCrash_IsSentAgainOnce()
    {
        // A row left "Sending" by an instance that died before it could deliver.
        await EnqueueAsync(Mail("forladt@eksempel.dk"));
        await factory.Smtp.WaitForAsync("forladt@eksempel.dk");
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "forladt@eksempel.dk").ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.LeaseOwner, "dead-instance")
            .SetProperty(m => m.LeaseUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await factory.Delivery.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(2, (await factory.Smtp.WaitForAsync("forladt@eksempel.dk", 2)).Count);
        var row = await WaitForStatusAsync("forladt@eksempel.dk", OutboxStatus.Sent);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task Delivery_LiveLeaseOfAnotherInstance_IsLeftAlone()
    {
        // The row is written already claimed by another instance, so no dispatcher here ever saw it free.
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = "optaget@eksempel.dk",
                Subject = "Optaget",
                TextBody = "Tekst",
                Category = "Test",
                MessageIdHeader = Guid.NewGuid().ToString("N") + "@test",
                CreatedAt = now,
                NextAttemptAt = now,
                Status = OutboxStatus.Sending,
                LeaseOwner = "other-instance",
                LeaseUntil = now.AddMinutes(5),
                Attempts = 1,
            });
            await db.SaveChangesAsync();
        });
        // One full pass of a dispatcher, awaited: had it ignored the lease, the mail would be on the server now.
        await factory.Delivery.DeliverDueAsync(CancellationToken.None);
        Assert.Empty(factory.Smtp.MessagesTo("optaget@eksempel.dk"));
        var row = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "optaget@eksempel.dk"));
        Assert.Equal(OutboxStatus.Sending, row.Status);
        Assert.Equal("other-instance", row.LeaseOwner);
    }

    private async Task<OutboxMessage> WaitForStatusAsync(string address, OutboxStatus status)
    {
        return await Eventually.ValueAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == address)),
            row => row.Status == status, $"the mail to {address} to be {status}");
    }
}

public class MailRetryTests(SmtpDownFactory factory) : IClassFixture<SmtpDownFactory>
{
    [Fact]
    public async Task Delivery_SmtpServerDown_RetriesWithBackoff_ThenDeliversOnce()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue(new OutgoingMail("vent@eksempel.dk", null, "Venter på server", "Tekst", null, "Test"));
            await scope.ServiceProvider.GetRequiredService<Samskab.Web.Infrastructure.Data.AppDbContext>().SaveChangesAsync();
        }
        var row = await Eventually.ValueAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "vent@eksempel.dk")),
            r => r.Attempts >= 1 && r.Status == OutboxStatus.Pending, "a first failed attempt");
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.LastError);
        Assert.True(row.NextAttemptAt > row.CreatedAt.AddSeconds(10), "the retry waits (back-off)");

        await factory.Smtp.StartAsync(factory.SmtpPort);
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow)));
        await factory.Delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Single(await factory.Smtp.WaitForAsync("vent@eksempel.dk"));
        await factory.SettledAsync(m => m.ToAddress == "vent@eksempel.dk");
        Assert.Single(factory.Smtp.MessagesTo("vent@eksempel.dk"));
        var sent = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
    }
}

public sealed class PickupFolderFactory : SamskabFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "samskab-pickup-" + Guid.NewGuid().ToString("N")[..8]);

    public PickupFolderFactory() => Settings["Mail:PickupDirectory"] = Folder;

    protected override Task CleanupAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}

public class PickupFolderTests(PickupFolderFactory factory) : IClassFixture<PickupFolderFactory>
{
    [Fact]
    public async Task WithoutSmtp_MailIsDeliveredAsEmlFilesThatParse_AndRecordedAsSent()
    {
        using var client = factory.CreateAppClient();
        var form = await client.GetAsync("/konto/login-link");
        await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk" });
        var row = await Eventually.ValueAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "aktoer@demo.samskab.dk" && m.Category == "SignInLink")),
            r => r.Status == OutboxStatus.Sent, "the sign-in link written to the pickup folder");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var files = Directory.GetFiles(factory.Folder, "*.eml");
        var mail = files.Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.MessageId == row.MessageIdHeader);
        Assert.Equal("aktoer@demo.samskab.dk", mail.To.Mailboxes.Single().Address);
        Assert.Contains("/konto/login-link/", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(factory.Folder, "*.tmp"));
    }
}
