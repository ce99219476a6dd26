using System.Net;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Citizens without accounts: a link, QR code and room code; what they send waits for the owners' review.</summary>
public class CoreTaskLinkTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task ACitizenWithoutAnAccount_SendsAPhotoThroughTheRoomCode_AndOnlyAfterTheReviewDoTheParticipantsSeeIt()
    {
        var lise = await factory.UserAsync("Lise Pædagog");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Børnehuset Mælkebøtten", (lise, "Lise Pædagog", CoreTaskRole.Staff));
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        using var staff = await factory.SignedInAsync(lise);

        // Only the owners share links and review.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/kerneopgave/{id}/links")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/kerneopgave/{id}/gennemsyn")).Status);
        Assert.Null((await staff.GetAsync($"/kerneopgave/{id}")).Document.QuerySelector($"a[href='/kerneopgave/{id}/links']"));

        var links = await anne.GetAsync($"/kerneopgave/{id}/links");
        var made = await anne.SubmitAsync(links.Document, "form[action$='handler=Create']", new Dictionary<string, string>
        {
            ["New.Kind"] = "Photo",
            ["New.Prompt"] = "Tag et foto af et sted, der betyder noget for dit barn.",
        });
        Assert.Contains("Linket er klar.", made.Text);
        var (inviteId, code) = await factory.WithDbAsync(async db => await db.CoreTaskInvites.Where(i => i.ProcessId == id).Select(i => new ValueTuple<int, string>(i.Id, i.Code)).SingleAsync());
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", code);
        Assert.Contains(code[..4] + "-" + code[4..], made.Text);
        var qr = await anne.Http.GetAsync(made.Document.QuerySelector($"#link-{inviteId} img.invite-qr")!.GetAttribute("src"));
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync($"/kerneopgave/{id}/links?handler=Qr&invite={inviteId}")).StatusCode);

        // In the room: the code typed in lower case with a space.
        using var citizen = factory.CreateAppClient();
        var start = await citizen.GetAsync("/kerneopgave/bidrag");
        var form = await citizen.SubmitAsync(start.Document, "form[action='/kerneopgave/bidrag']", new Dictionary<string, string> { ["kode"] = code[..4].ToLowerInvariant() + " " + code[4..] });
        Assert.Contains("Tag et foto af et sted, der betyder noget for dit barn.", form.Text);
        var noPhoto = await citizen.SubmitAsync(form.Document, "main form[enctype]", new Dictionary<string, string> { ["Input.Text"] = "Gyngen" });
        Assert.Contains("Vælg det foto, du vil dele.", noPhoto.Text);
        Assert.Equal("Gyngen", noPhoto.Document.QuerySelector("#Input_Text")!.TextContent);
        var sent = await citizen.SubmitFileAsync(form.Document, "main form[enctype]", "Input.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_2.JPG",
            new Dictionary<string, string> { ["Input.Text"] = "Gyngen – her er Sara glad", ["Input.Name"] = "Mette, mor til Sara" });
        Assert.Contains("Tak! Dit bidrag er sendt.", sent.Text);
        Assert.Contains("Et af dine bidrag venter på gennemsyn.", sent.Text);
        var second = await citizen.SubmitFileAsync(sent.Document, "main form[enctype]", "Input.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_3.JPG",
            new Dictionary<string, string> { ["Input.Text"] = "Sandkassen under træet" });
        Assert.Contains("2 af dine bidrag venter på gennemsyn.", second.Text);
        var guests = await factory.WithDbAsync(db => db.CoreTaskParticipants.Where(p => p.InviteId == inviteId).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Mette, mor til Sara"], guests);

        // Waiting: nobody but the owners' review sees it.
        Assert.DoesNotContain("Gyngen", (await staff.GetAsync($"/kerneopgave/{id}/materiale")).Text);
        Assert.DoesNotContain("Gyngen", (await anne.GetAsync($"/kerneopgave/{id}/indsigter")).Text);
        Assert.Contains("2 bidrag fra borgerne venter på gennemsyn.", (await anne.GetAsync($"/kerneopgave/{id}")).Text);
        var review = await anne.GetAsync($"/kerneopgave/{id}/gennemsyn");
        var pieces = await factory.WithDbAsync(db => db.CoreTaskMaterials.IgnoreQueryFilters().Where(m => m.ProcessId == id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Contains("Mette, mor til Sara", review.Document.QuerySelector($"#m-{pieces[0]}")!.TextContent);
        await anne.SubmitAsync(review.Document, $"#m-{pieces[0]} form", submitName: "take=true");
        var rejected = await anne.SubmitAsync(review.Document, $"#m-{pieces[1]} form", submitName: "take=false");
        Assert.Contains("Intet venter på gennemsyn.", rejected.Text);
        var shown = await staff.GetAsync($"/kerneopgave/{id}/materiale");
        Assert.Contains("Gyngen – her er Sara glad", shown.Text);
        Assert.DoesNotContain("Sandkassen under træet", shown.Text);
        Assert.NotNull(await factory.WithDbAsync(db => db.CoreTaskMaterials.IgnoreQueryFilters().Where(m => m.Id == pieces[1]).Select(m => m.RejectedAt).SingleAsync()));
        // Reviewed is reviewed: a second answer finds nothing.
        var token = review.Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;
        Assert.Equal(HttpStatusCode.NotFound, (await anne.PostRawAsync($"/kerneopgave/{id}/gennemsyn", [new("__RequestVerificationToken", token), new("material", $"{pieces[1]}"), new("take", "true")])).Status);

        // Closed: the code stops working, and nothing more comes in.
        var listed = await anne.GetAsync($"/kerneopgave/{id}/links");
        Assert.Contains("Linket er lukket.", (await anne.SubmitAsync(listed.Document, $"#link-{inviteId} form")).Text);
        var closed = await citizen.GetAsync($"/kerneopgave/bidrag/{code}");
        Assert.Contains("Linket er lukket", closed.Text);
        Assert.Null(closed.Document.QuerySelector("main form[enctype]"));
        var late = await citizen.SubmitFileAsync(second.Document, "main form[enctype]", "Input.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_4.JPG",
            new Dictionary<string, string> { ["Input.Text"] = "For sent" });
        Assert.Contains("Linket er lukket", late.Text);
        Assert.Equal(2, await factory.WithDbAsync(db => db.CoreTaskMaterials.IgnoreQueryFilters().CountAsync(m => m.ProcessId == id)));
    }

    [Fact]
    public async Task AnInterviewThroughALink_KeepsItsWhyChain_AndAChainOfSixIsRefused()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Vest");
        var code = await factory.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).Select(p => p.Id).FirstAsync();
            var invite = new CoreTaskInvite { ProcessId = id, Code = CoreTaskCodes.New(), Kind = MaterialKind.Interview, Prompt = "Hvad har hjulpet dig mest?", CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow };
            db.CoreTaskInvites.Add(invite);
            await db.SaveChangesAsync();
            return invite.Code;
        });
        using var citizen = factory.CreateAppClient();
        var page = await citizen.GetAsync($"/kerneopgave/bidrag/{code}");
        var fields = new Dictionary<string, string> { ["Input.Text"] = "At min rådgiver ringede tilbage.", ["Input.UnderlyingNeed"] = "At blive taget alvorligt" };
        for (var i = 0; i < 6; i++) fields[$"Input.WhySteps[{i}]"] = $"Fordi {i + 1}";
        var six = await citizen.SubmitAsync(page.Document, "main form[enctype]", fields);
        Assert.Contains("En hvorfor-kæde har højst fem led", six.Text);
        fields.Remove("Input.WhySteps[5]");
        Assert.Contains("Tak! Dit bidrag er sendt.", (await citizen.SubmitAsync(page.Document, "main form[enctype]", fields)).Text);
        var piece = await factory.WithDbAsync(db => db.CoreTaskMaterials.IgnoreQueryFilters().SingleAsync(m => m.ProcessId == id));
        Assert.Equal((5, "Hvad har hjulpet dig mest?", true, "At blive taget alvorligt"), (piece.WhySteps.Count, piece.Question, piece.PendingReview, piece.UnderlyingNeed));
    }
}

/// <summary>Its own factory: the guard turns the test server's one address away for ten minutes.</summary>
public class CoreTaskCodeGuessingTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task WrongCodes_AreThrottled_SoCodesCannotBeGuessed()
    {
        using var guesser = factory.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync("/kerneopgave/bidrag/AAAA2222")).Status);
        var typo = await guesser.SubmitAsync((await guesser.GetAsync("/kerneopgave/bidrag")).Document, "form[action='/kerneopgave/bidrag']", new Dictionary<string, string> { ["kode"] = "abc" });
        Assert.Contains("Koden har otte tegn", typo.Text);
        for (var i = 1; i < CoreTaskCodeGuard.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/kerneopgave/bidrag/AAAA{i:D4}".Replace('0', 'B').Replace('1', 'C'))).Status);
        }
        var blocked = await guesser.GetAsync("/kerneopgave/bidrag/ZZZZ9999");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.Status);
        Assert.Contains("for mange forkerte koder", blocked.Text);
    }
}
