using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Infrastructure.Mail;
using Xunit;

namespace Samskab.Tests.Features.Newsletters;

/// <summary>Newsletters over a real SMTP server (Debian's aiosmtpd): exactly one mail per recipient, also across a restart.</summary>
public static class NewsletterSending
{
    /// <summary>As the demo anchor person: sends the demo edition in progress to everyone, confirming the missing sections.</summary>
    public static async Task<(int Edition, string Title, List<string> Addresses)> SendDemoEditionAsync(SamskabFactory factory)
    {
        var initiative = await factory.DemoInitiativeIdAsync();
        var edition = await factory.WithDbAsync(db => db.Newsletters.SingleAsync(n => n.InitiativeId == initiative && n.Status == EditionStatus.Draft));
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var send = await anne.GetAsync($"/nyhedsbreve/{edition.Id}/send");
        var sent = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["ConfirmMissing"] = "true" });
        Assert.Contains("Nyhedsbrevet sendes nu til", sent.Text);
        var addresses = await factory.WithDbAsync(db => db.NewsletterRecipients.Where(r => r.NewsletterId == edition.Id && r.Problem == null).Select(r => r.Address!).ToListAsync());
        Assert.True(addresses.Count > 25, $"{addresses.Count} recipients");
        return (edition.Id, edition.Title, addresses);
    }

    public static List<MimeMessage> Received(SmtpTestServer smtp, string title) =>
        smtp.Messages().Where(m => m.Subject?.StartsWith(title, StringComparison.Ordinal) == true).ToList();

    /// <summary>Every expected mail has arrived and the outbox has settled, so a duplicate would be here too.</summary>
    public static async Task<List<MimeMessage>> WaitForAllAsync(SamskabFactory factory, SmtpTestServer smtp, string title, int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Received(smtp, title).Count >= count), $"{count} mails titled '{title}'", TimeSpan.FromSeconds(60));
        await factory.SettledAsync(m => m.Subject.StartsWith(title));
        return Received(smtp, title);
    }

    public static void ExactlyOneEach(IReadOnlyList<MimeMessage> messages, IReadOnlyCollection<string> addresses)
    {
        var byAddress = messages.GroupBy(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Assert.All(addresses, a => Assert.True(byAddress.TryGetValue(a, out var n) && n == 1, $"{a} got {(byAddress.TryGetValue(a, out var c) ? c : 0)} mails"));
        Assert.Equal(addresses.Count, messages.Count);
    }
}

public class NewsletterMailTests(MailFactory factory) : IClassFixture<MailFactory>
{
    [Fact]
    public async Task DemoEdition_EveryRecipientGetsExactlyOneAccessibleMail_WithContactsOnlyOfThoseWhoConsented()
    {
        var (edition, title, addresses) = await NewsletterSending.SendDemoEditionAsync(factory);
        var messages = await NewsletterSending.WaitForAllAsync(factory, factory.Smtp, title, addresses.Count);
        NewsletterSending.ExactlyOneEach(messages, addresses);

        var initiative = await factory.DemoInitiativeIdAsync();
        var consenting = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == initiative && m.SharesContactDetails && m.Person!.Email != null)
            .Select(m => m.Person!.Email!).ToListAsync());
        var private_ = await factory.WithDbAsync(db => db.InitiativeMembers.Where(m => m.InitiativeId == initiative && !m.SharesContactDetails && m.Person!.Phone != null)
            .Select(m => new { m.Person!.Email, m.Person.Phone, m.Person.Name }).ToListAsync());
        Assert.NotEmpty(private_);
        var mail = messages.First(m => m.To.Mailboxes.Single().Address == "aktoer@demo.samskab.dk");
        Assert.StartsWith("Kære Aisha Aktør", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"da\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Kontaktliste", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Det har været svært", mail.HtmlBody, StringComparison.Ordinal);
        Assert.All(consenting, e => Assert.Contains(e, mail.HtmlBody, StringComparison.Ordinal));
        Assert.All(private_, p => Assert.DoesNotContain(p.Phone!, mail.HtmlBody, StringComparison.Ordinal));
        Assert.All(private_.Where(p => p.Email is not null), p => Assert.DoesNotContain(p.Email!, mail.TextBody, StringComparison.Ordinal));
        Assert.Contains($"/nyhedsbreve/{edition}/laes?t=", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/mailindstillinger?t=", mail.HtmlBody, StringComparison.Ordinal);

        // The anchor person's page says it is done, with every mail delivered.
        await using var scope = factory.Services.CreateAsyncScope();
        var progress = await scope.ServiceProvider.GetRequiredService<NewsletterDesk>().ProgressAsync(edition);
        Assert.Equal(addresses.Count, progress.Sent);
        Assert.True(progress.Done);
    }
}

public class NewsletterSmtpDownTests(SmtpDownFactory factory) : IClassFixture<SmtpDownFactory>
{
    [Fact]
    public async Task SmtpServerRefusing_RecipientsShownAsRetried_ThenEachGetsItOnceWhenTheServerIsBack()
    {
        var (edition, title, addresses) = await NewsletterSending.SendDemoEditionAsync(factory);
        var prefix = $"newsletter:{edition}:person:";
        await Eventually.TrueAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DedupeKey!.StartsWith(prefix) && m.Attempts > 0 && m.Status == OutboxStatus.Pending && m.Problem != MailProblem.None)),
            "a first failed attempt while the server is down");
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var page = await anne.GetAsync($"/nyhedsbreve/{edition}/levering?vis=problemer");
        Assert.Contains("Forsøges igen", page.Text);
        // What the server said is for the log; the anchor person reads what it means and when we try again.
        Assert.Contains("Mailserveren svarer ikke – vi prøver igen kl.", page.Text);
        var technical = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith(prefix) && m.LastError != null).Select(m => m.LastError!).FirstAsync());
        Assert.DoesNotContain(technical, page.Text, StringComparison.Ordinal);
        var workbench = await anne.GetAsync($"/nyhedsbreve/{edition}");
        Assert.Contains("forsøges igen, fordi mailserveren ikke tog imod dem", workbench.Text);

        await factory.Smtp.StartAsync(factory.SmtpPort);
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith(prefix)).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow)));
        var messages = await NewsletterSending.WaitForAllAsync(factory, factory.Smtp, title, addresses.Count);
        NewsletterSending.ExactlyOneEach(messages, addresses);
    }
}

public class NewsletterFlakySmtpTests(FlakySmtpFactory factory) : IClassFixture<FlakySmtpFactory>
{
    [Fact]
    public async Task SmtpServerDisconnectingMidway_TheCutMailsAreRetried_NobodyGetsTwoAndNobodyIsLost()
    {
        var (edition, title, addresses) = await NewsletterSending.SendDemoEditionAsync(factory);
        var prefix = $"newsletter:{edition}:person:";
        // A cut-off mail waits for its back-off (30 s at least), so the page is read while it is still waiting.
        await Eventually.TrueAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DedupeKey!.StartsWith(prefix) && m.Status == OutboxStatus.Pending && m.LastError != null)),
            "a mail cut off by the server");
        using (var anne = await factory.SignedInAsync("anker@demo.samskab.dk"))
        {
            var page = await anne.GetAsync($"/nyhedsbreve/{edition}/levering?vis=problemer");
            Assert.Contains("Forsøges igen", page.Text);
        }
        // Then don't wait for the back-off: retry what was cut off now, until every mail is through.
        await Eventually.TrueAsync(async () =>
        {
            await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith(prefix) && m.Status == OutboxStatus.Pending && m.LastError != null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow)));
            var rows = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DedupeKey!.StartsWith(prefix)).Select(m => m.Status).ToListAsync());
            return rows.Count == addresses.Count && rows.All(r => r == OutboxStatus.Sent);
        }, "every cut-off mail retried and sent", TimeSpan.FromSeconds(60));
        var messages = await NewsletterSending.WaitForAllAsync(factory, factory.Smtp, title, addresses.Count);
        NewsletterSending.ExactlyOneEach(messages, addresses);
    }
}

/// <summary>
/// The sender stops mid-way (the host shuts down while mails are on their way, and one mail is left claimed by an
/// instance that died), and a new instance on the same database finishes the job: every recipient has exactly one mail.
/// </summary>
public sealed class NewsletterRestartTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    private SamskabFactory Instance(bool slow)
    {
        var f = new SamskabFactory();
        f.Settings["Mail:Host"] = "127.0.0.1";
        f.Settings["Mail:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Settings["Mail:Security"] = "None";
        f.Settings["Mail:Lease"] = "00:00:02";
        if (slow)
        {
            // A server that takes its time, so the stop lands in the middle of the sending.
            f.Settings["Mail:SendDelay"] = "00:00:00.150";
            // After the first queuing, this instance's sender only wakes when signalled.
            f.Settings["Newsletters:PollInterval"] = "01:00:00";
        }
        return f;
    }

    [Fact]
    public async Task SenderStoppedMidway_NewInstanceResumes_EveryRecipientHasExactlyOneMail()
    {
        var first = Instance(slow: true);
        first.KeepDatabase = true;
        await first.InitializeAsync();
        var (edition, title, addresses) = await NewsletterSending.SendDemoEditionAsync(first);
        await Eventually.TrueAsync(() => Task.FromResult(NewsletterSending.Received(_smtp, title).Count >= 5), "five mails through before the stop");
        // The state a crash leaves: one mail claimed by an instance that died, and three recipients the sender never
        // reached. Only rows still waiting are touched (compare-and-set on their status), so none of them is on the wire.
        var prefix = $"newsletter:{edition}:person:";
        await first.WithDbAsync(async db =>
        {
            var waiting = await db.OutboxMessages.Where(m => m.DedupeKey!.StartsWith(prefix) && m.Status == OutboxStatus.Pending)
                .OrderByDescending(m => m.Id).Select(m => new { m.Id, m.DedupeKey }).Take(4).ToListAsync();
            Assert.Equal(4, waiting.Count);
            Assert.Equal(1, await db.OutboxMessages.Where(m => m.Id == waiting[0].Id && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, "instance-that-died")
                .SetProperty(m => m.LeaseUntil, DateTimeOffset.UtcNow.AddSeconds(3))
                .SetProperty(m => m.Attempts, 1)));
            foreach (var row in waiting.Skip(1))
            {
                if (await db.OutboxMessages.Where(m => m.Id == row.Id && m.Status == OutboxStatus.Pending).ExecuteDeleteAsync() == 1)
                {
                    await db.NewsletterRecipients.Where(r => r.DedupeKey == row.DedupeKey).ExecuteUpdateAsync(u => u.SetProperty(r => r.QueuedAt, (DateTimeOffset?)null));
                }
            }
            await db.Newsletters.Where(n => n.Id == edition).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, EditionStatus.Sending));
        });
        await ((IAsyncLifetime)first).DisposeAsync();
        var before = NewsletterSending.Received(_smtp, title).Count;
        Assert.InRange(before, 5, addresses.Count - 5);

        var second = Instance(slow: false);
        second.AdoptDatabaseOf(first);
        try
        {
            await second.InitializeAsync();
            var messages = await NewsletterSending.WaitForAllAsync(second, _smtp, title, addresses.Count);
            NewsletterSending.ExactlyOneEach(messages, addresses);
            Assert.Equal(EditionStatus.Sent, await second.WithDbAsync(db => db.Newsletters.Where(n => n.Id == edition).Select(n => n.Status).SingleAsync()));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
