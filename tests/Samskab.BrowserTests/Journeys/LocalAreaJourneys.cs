using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samskab.BrowserTests.Infrastructure;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.LocalAreas;
using Samskab.Web.Features.Participation;
using Xunit;

namespace Samskab.BrowserTests.Journeys;

[Collection(BrowserTestGroup.Name)]
public class LocalAreaJourneys(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_OnAPhone_FindsTheAreaByItsVillage_SendsARequestWithAPhoto_TheBridgeBuilderTakesItThroughTheStates_AndTheCommunityReopensAnother()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var village = "Lyngby Mark " + suffix;
        var area = await browser.App.AreaAsync("Hedeområdet " + suffix, village + "\nHedehusene", GivenLocalAreas.BridgeBuilderEmail);
        var email = $"{Guid.NewGuid():N}@borger.dk";
        var (citizen, token) = await browser.App.ParticipantAsync("Hanne", email);

        // From the front page, by the name of the village.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync(browser.BaseUrl + "/");
        await phone.Context.AddCookiesAsync([new Cookie { Name = ParticipantSession.CookieName, Value = token, Url = browser.BaseUrl }]);
        await phone.GetByLabel("Find dit lokalområde").FillAsync(village.ToUpperInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Find området" }).ClickAsync();
        await Assertions.Expect(phone.GetByText($"{village} hører til Hedeområdet {suffix}.")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "149-find-lokalomraade-telefon");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Hedeområdet " + suffix }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Bo Brobygger")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "150-lokalomraade-telefon");

        // The request, with a photo; a missing category is refused and the text kept.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Send en henvendelse til kommunen" }).ClickAsync();
        await phone.GetByLabel("Vi vil gerne …").FillAsync("have en bænk ved gadekæret");
        await phone.GetByLabel("Fortæl mere").FillAsync("Mange ældre går tur rundt om gadekæret. Vi passer gerne på bænken.");
        var photo = Path.Combine(Path.GetTempPath(), $"gadekaer-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, GivenParticipation.SidewaysJpegWithGps());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send henvendelsen" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Vælg hvad henvendelsen handler om." })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByLabel("Fortæl mere")).ToHaveValueAsync("Mange ældre går tur rundt om gadekæret. Vi passer gerne på bænken.");
        await phone.GetByLabel("Hvad handler det om?").SelectOptionAsync(new SelectOptionValue { Label = "Kultur og fritid" });
        await phone.GetByLabel("På vegne af en gruppe (valgfrit)").FillAsync("Lokalrådet");
        await phone.GetByLabel("Foto (valgfrit)").SetInputFilesAsync(photo);
        await BrowserFixture.CheckAsync(phone, "151-send-henvendelse-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send henvendelsen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Tak! Henvendelsen er sendt til områdets brobygger.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("img.idea-photo")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "152-henvendelse-sendt-telefon");
        var id = await browser.App.WithDbAsync(db => db.AreaRequests.Where(r => r.AreaId == area).Select(r => r.Id).SingleAsync());

        // The bridge builder, also on a phone: in dialogue with a message each way, passed on, done.
        var bo = await browser.SignedInPageAsync(GivenLocalAreas.BridgeBuilderEmail, phone: true);
        await bo.GotoAsync(browser.BaseUrl + "/broebygger");
        await Assertions.Expect(bo.Locator($"a[href='/henvendelser/{id}']").First).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(bo, "153-brobyggerens-skrivebord-telefon");
        await bo.Locator($"a[href='/henvendelser/{id}']").First.ClickAsync();
        await bo.GetByLabel("Ny tilstand", new() { Exact = true }).SelectOptionAsync("InDialogue");
        await bo.GetByLabel("Svar til lokalsamfundet").FillAsync("Godt forslag! Hvor ved gadekæret tænker I?");
        await BrowserFixture.CheckAsync(bo, "154-henvendelse-brobygger-telefon");
        await bo.GetByRole(AriaRole.Button, new() { Name = "Gem og send svaret" }).ClickAsync();
        await Assertions.Expect(bo.GetByText("afsenderen har fået dit svar på mail")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => (await browser.App.ToAsync(email)).Any(m => m.Subject == "Nyt om din henvendelse \"have en bænk ved gadekæret\""), "the answer mailed to the citizen");

        await phone.GotoAsync(browser.BaseUrl + $"/henvendelser/{id}");
        await phone.GetByLabel("Skriv til brobyggeren").FillAsync("Ved pilen på sydsiden.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send beskeden" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Beskeden er sendt til områdets brobygger.")).ToBeVisibleAsync();

        await bo.GotoAsync(browser.BaseUrl + $"/henvendelser/{id}");
        await Assertions.Expect(bo.GetByText("Ved pilen på sydsiden.")).ToBeVisibleAsync();
        await bo.GetByLabel("Ny tilstand", new() { Exact = true }).SelectOptionAsync("PassedOn");
        await bo.GetByLabel("Svar til lokalsamfundet").FillAsync("Vej og Park skal se på stedet.");
        await bo.GetByRole(AriaRole.Button, new() { Name = "Gem og send svaret" }).ClickAsync();
        await Assertions.Expect(bo.GetByRole(AriaRole.Link, new() { Name = "Skriv hvilken afdeling henvendelsen er sendt videre til." })).ToBeVisibleAsync();
        await bo.GetByLabel("Sendt videre til afdeling (ved 'Sendt videre')").FillAsync("Vej og Park");
        await bo.GetByRole(AriaRole.Button, new() { Name = "Gem og send svaret" }).ClickAsync();
        await Assertions.Expect(bo.GetByText("Sendt videre til Vej og Park")).ToBeVisibleAsync();
        await bo.GetByLabel("Ny tilstand", new() { Exact = true }).SelectOptionAsync("Done");
        await bo.GetByLabel("Svar til lokalsamfundet").FillAsync("Bænken er sat op. God fornøjelse!");
        await bo.GetByRole(AriaRole.Button, new() { Name = "Gem og send svaret" }).ClickAsync();
        await Assertions.Expect(bo.Locator("h1 + .alert, .badge-success").First).ToBeVisibleAsync();
        Assert.Equal(RequestState.Done, await browser.App.WithDbAsync(db => db.AreaRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));

        // Another request is closed without being done, and the community reopens it from the phone.
        var other = await browser.App.WithDbAsync(async db =>
        {
            var request = new AreaRequest
            {
                AreaId = area,
                ParticipantId = citizen,
                Title = "Vi vil gerne have en shelterplads",
                Text = "I skoven ved gadekæret.",
                Category = RequestCategory.Nature,
                State = RequestState.ClosedNotDone,
                LatestAnswer = "Skoven er privat.",
                ClosedAt = DateTimeOffset.UtcNow.AddDays(-3),
                FirstAnsweredAt = DateTimeOffset.UtcNow.AddDays(-3),
                AnswerDueOn = DateOnly.FromDateTime(DateTime.UtcNow),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
                UpdatedAt = DateTimeOffset.UtcNow.AddDays(-3),
            };
            db.AreaRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        await phone.GotoAsync(browser.BaseUrl + $"/henvendelser/{other}");
        await phone.GetByLabel("Hvorfor genåbner I den?").FillAsync("Ejeren vil gerne, hvis kommunen står for vedligeholdelsen.");
        await BrowserFixture.CheckAsync(phone, "155-genaabn-henvendelse-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Genåbn henvendelsen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Henvendelsen er genåbnet, og brobyggeren har fået besked.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".badge", new() { HasText = "Genåbnet" })).ToBeVisibleAsync();

        // The area's page and results show both, done apart from closed without being done.
        await phone.GotoAsync(browser.BaseUrl + $"/lokalomraader/{area}");
        await Assertions.Expect(phone.GetByText("Bænken er sat op. God fornøjelse!")).ToBeVisibleAsync();
        await BrowserFixture.CheckAsync(phone, "156-lokalomraade-med-svar-telefon");
        await phone.GotoAsync(browser.BaseUrl + $"/lokalomraader/{area}/resultater");
        await BrowserFixture.CheckAsync(phone, "157-lokalomraade-resultater-telefon");
    }
}
