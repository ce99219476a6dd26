using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Newsletters;
using Xunit;

namespace Samskab.Tests.Features.Newsletters;

/// <summary>No SMTP server and no pickup folder (the test default): the anchor person is told before sending, and while waiting.</summary>
public class WithoutMailServerTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task SendingWithoutAMailServer_IsExplainedBeforeAndWhileTheMailsWait()
    {
        var demo = await factory.DemoInitiativeIdAsync();
        var edition = await factory.WithDbAsync(db => db.Newsletters.Where(n => n.InitiativeId == demo && n.Status == EditionStatus.Draft).Select(n => n.Id).FirstAsync());
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var send = await anne.GetAsync($"/nyhedsbreve/{edition}/send");
        Assert.Contains("Der er ikke sat en mailserver op", send.Text, StringComparison.Ordinal);

        var sent = await anne.SubmitAsync(send.Document, "main form[method='post']", new Dictionary<string, string> { ["ConfirmMissing"] = "true" });
        Assert.NotNull(sent.Document.QuerySelector("#delivery-progress"));
        Assert.Contains("mailene venter i udbakken", await WaitForTextAsync(anne, edition, "mailene venter i udbakken"), StringComparison.Ordinal);
    }

    /// <summary>The background sender queues the mails in a moment; the edition page says so once they wait.</summary>
    private static async Task<string> WaitForTextAsync(AppClient client, int edition, string text)
    {
        return await Eventually.ValueAsync(async () => (await client.GetAsync($"/nyhedsbreve/{edition}")).Text,
            page => page.Contains(text, StringComparison.Ordinal), $"the edition page to say \"{text}\"");
    }
}
