using System.Net;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Admin;

public class AdminTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Theory]
    [InlineData("anker@demo.samskab.dk")]
    [InlineData("aktoer@demo.samskab.dk")]
    public async Task AdminPages_NonAdministrator_Get403(string email)
    {
        using var client = factory.CreateAppClient();
        await client.SignInAsync(email);
        foreach (var url in new[] { "/admin", "/admin/brugere", "/admin/brugere/inviter", "/admin/post" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Du har ikke adgang til siden", page.Text);
        }
    }

    [Fact]
    public async Task Invite_NewPerson_ReceivesLinkAndSetsUpAccount()
    {
        using var admin = factory.CreateAppClient();
        await admin.SignInAsync("admin@demo.samskab.dk");
        var page = await admin.GetAsync("/admin/brugere/inviter");
        var invited = await admin.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "Ivan Inviteret", ["Input.Email"] = "ivan@eksempel.dk" });
        Assert.Contains("Invitationen er sendt til ivan@eksempel.dk.", invited.Text);
        Assert.Contains("Ivan Inviteret", invited.Text);

        var sentMail = await admin.GetAsync("/admin/post");
        Assert.Contains("Du er inviteret til Samskab", sentMail.Text);

        var link = await factory.LatestLinkAsync("ivan@eksempel.dk", "/konto/invitation/");
        using var ivan = factory.CreateAppClient();
        var accept = await ivan.GetAsync(link);
        Assert.Equal("Ivan Inviteret", accept.Document.QuerySelector("#Input_Name")!.GetAttribute("value"));
        var tooShort = await ivan.SubmitAsync(accept.Document, "main form", new Dictionary<string, string> { ["Input.Password"] = "kort" });
        Assert.Contains("Adgangskoden skal være mindst 10 tegn.", tooShort.Text);
        var welcome = await ivan.SubmitAsync(accept.Document, "main form", new Dictionary<string, string> { ["Input.Password"] = "ivans-egen-kode" });
        Assert.Contains("Velkommen, Ivan Inviteret.", welcome.Text);

        using var again = factory.CreateAppClient();
        await again.SignInAsync("ivan@eksempel.dk", "ivans-egen-kode");
        var reused = await again.GetAsync(link);
        Assert.Contains("Invitationen er allerede brugt", reused.Text);
    }

    [Fact]
    public async Task Invite_ExistingEmail_IsRefusedWithDanishMessage()
    {
        using var admin = factory.CreateAppClient();
        await admin.SignInAsync("admin@demo.samskab.dk");
        var page = await admin.GetAsync("/admin/brugere/inviter");
        var result = await admin.SubmitAsync(page.Document, "main form", new Dictionary<string, string> { ["Input.Name"] = "Anne", ["Input.Email"] = "anker@demo.samskab.dk" });
        Assert.Contains("Der findes allerede en konto med denne e-mailadresse.", result.Document.QuerySelector("#Input_Email-error")!.TextContent);
    }

    [Fact]
    public async Task SentMail_ShowsOutboxMessageText()
    {
        using var admin = factory.CreateAppClient();
        await admin.SignInAsync("admin@demo.samskab.dk");
        using var anon = factory.CreateAppClient();
        var form = await anon.GetAsync("/konto/login-link");
        await anon.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.Email"] = "aktoer@demo.samskab.dk" });
        var list = await admin.GetAsync("/admin/post");
        Assert.Contains("Der er ingen SMTP-server sat op", list.Text);
        // The row of the mail this test asked for: to the actor, with the sign-in link's subject.
        var row = list.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("aktoer@demo.samskab.dk", StringComparison.Ordinal)
            && r.TextContent.Contains("Dit login-link til Samskab", StringComparison.Ordinal));
        var message = await admin.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("/konto/login-link/", message.Document.QuerySelector(".mail-body")!.TextContent);
        Assert.Contains("Venter", message.Text);
    }
}
