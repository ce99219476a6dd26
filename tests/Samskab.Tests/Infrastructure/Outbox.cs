using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Mail;
using Xunit;

namespace Samskab.Tests.Infrastructure;

public static partial class Outbox
{
    public static Task<List<OutboxMessage>> ToAsync(this SamskabFactory factory, string address) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The path of the first link in the newest mail to the address that matches the pattern.</summary>
    public static async Task<string> LatestLinkAsync(this SamskabFactory factory, string address, string pathStart)
    {
        var mails = await factory.ToAsync(address);
        Assert.NotEmpty(mails);
        return LinkIn(mails[^1].TextBody, pathStart);
    }

    /// <summary>
    /// Waits until the outbox has nothing on its way and nothing due: every mail is sent, failed, or waiting for a
    /// retry later. From then on nothing more is delivered, so a test may count what arrived (no fixed wait).
    /// </summary>
    public static Task SettledAsync(this SamskabFactory factory, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> which) =>
        Eventually.TrueAsync(() => factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            return !await db.OutboxMessages.Where(which).AnyAsync(m => m.Status == OutboxStatus.Sending || (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now));
        }), "the outbox to settle");

    public static string LinkIn(string text, string pathStart)
    {
        var match = Regex.Match(text, "https?://[^/\\s]+(" + Regex.Escape(pathStart) + "[A-Za-z0-9_\\-]+)");
        Assert.True(match.Success, $"No link {pathStart}… in:\n{text}");
        return match.Groups[1].Value;
    }
}
