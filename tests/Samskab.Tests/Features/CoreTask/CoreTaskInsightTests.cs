using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Phase 3: the affinity board (by plain forms, so by keyboard) and the validation by every participant.</summary>
public class CoreTaskInsightTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static readonly string[] Pieces =
    [
        "Jeg vil gerne kende de andre forældre.",
        "Vi taler sammen i garderoben, når der er tid.",
        "Min søn savner sin ven, når de er på hver sin stue.",
        "Pædagogen kendte vores hund ved navn.",
    ];

    private Task<int[]> MaterialAsync(int processId) => factory.WithDbAsync(async db =>
    {
        var author = await db.CoreTaskParticipants.Where(p => p.ProcessId == processId && p.IsOwner).Select(p => p.Id).FirstAsync();
        var rows = Pieces.Select((t, i) => new CoreTaskMaterial { ProcessId = processId, Kind = MaterialKind.Interview, Text = t, AuthorId = author, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i) }).ToList();
        db.CoreTaskMaterials.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToArray();
    });

    private static void Tick(IHtmlDocument page, params int[] ids)
    {
        foreach (var id in ids)
        {
            page.QuerySelector<IHtmlInputElement>($"#pick-{id}")!.IsChecked = true;
        }
    }

    [Fact]
    public async Task AParticipant_GroupsMaterialIntoInsights_WithFormsAlone_MovesMergesRenamesAndDeletes()
    {
        var citizen = await factory.UserAsync("Mona Mor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Vuggestuen Bien", (citizen, "Mona Mor", CoreTaskRole.Citizen));
        var m = await MaterialAsync(id);
        using var mona = await factory.SignedInAsync(citizen);
        var board = await mona.GetAsync($"/kerneopgave/{id}/indsigter");
        Assert.Equal(HttpStatusCode.OK, board.Status);
        Assert.Equal(4, board.Document.QuerySelectorAll("[data-board-drop='0'] .board-note").Length);

        // No name: refused, and the ticks are kept.
        Tick(board.Document, m[0], m[1]);
        var noName = await mona.SubmitAsync(board.Document, "#move-form", new Dictionary<string, string> { ["Move.NewTitle"] = "  " }, "handler=New");
        Assert.Contains("Giv indsigten et navn", noName.Text);
        Assert.True(noName.Document.QuerySelector<IHtmlInputElement>($"#pick-{m[0]}")!.IsChecked);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskInsights.CountAsync(i => i.ProcessId == id)));

        var created = await mona.SubmitAsync(noName.Document, "#move-form", new Dictionary<string, string> { ["Move.NewTitle"] = "Forældre vil gerne kende hinanden" }, "handler=New");
        Assert.Contains("Indsigten »Forældre vil gerne kende hinanden« er oprettet med 2 stykker materiale.", created.Text);
        var parents = await factory.WithDbAsync(db => db.CoreTaskInsights.SingleAsync(i => i.ProcessId == id));
        Assert.Equal(2, created.Document.QuerySelectorAll($"#i-{parents.Id} .board-note").Length);

        // Nothing ticked, then a second, empty group filled by a move.
        var nothing = await mona.SubmitAsync(created.Document, "#move-form", new Dictionary<string, string> { ["Move.Target"] = parents.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Sæt flueben ved det materiale, der skal flyttes.", nothing.Text);
        var empty = await mona.SubmitAsync(created.Document, "#move-form", new Dictionary<string, string> { ["Move.NewTitle"] = "Børn holder fast i deres venner" }, "handler=New");
        Assert.Contains("er oprettet. Flyt materiale ind i den.", empty.Text);
        var friends = await factory.WithDbAsync(db => db.CoreTaskInsights.SingleAsync(i => i.ProcessId == id && i.Id != parents.Id));
        Assert.Contains("Indsigten er tom. Flyt materiale ind i den.", empty.Document.QuerySelector($"#i-{friends.Id}")!.TextContent);
        Tick(empty.Document, m[2], m[3]);
        var moved = await mona.SubmitAsync(empty.Document, "#move-form", new Dictionary<string, string> { ["Move.Target"] = friends.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("2 stykker materiale er flyttet til »Børn holder fast i deres venner«.", moved.Text);
        Assert.Contains("Alt materiale ligger i en indsigt.", moved.Text);

        // One back to the unsorted.
        Tick(moved.Document, m[3]);
        var back = await mona.SubmitAsync(moved.Document, "#move-form", new Dictionary<string, string> { ["Move.Target"] = "0" });
        Assert.Contains("Et stykke materiale er lagt tilbage blandt det usorterede.", back.Text);
        Assert.Null(await factory.WithDbAsync(db => db.CoreTaskMaterials.Where(x => x.Id == m[3]).Select(x => x.InsightId).SingleAsync()));

        // Rename with an empty name is refused in place; then renamed.
        var renameSelector = $"#i-{friends.Id} form[action$='handler=Rename']";
        var badRename = await mona.SubmitAsync(back.Document, renameSelector, new Dictionary<string, string> { ["Rename.Title"] = "" });
        Assert.Contains("Giv indsigten et navn", badRename.Document.QuerySelector($"#i-{friends.Id}")!.TextContent);
        var renamed = await mona.SubmitAsync(back.Document, renameSelector, new Dictionary<string, string> { ["Rename.Title"] = "Venskaber betyder mest" });
        Assert.Contains("Indsigten hedder nu »Venskaber betyder mest«.", renamed.Text);

        // Merge the same group with itself: refused; then the friends into the parents.
        var self = await mona.SubmitAsync(renamed.Document, "form.merge-form", new Dictionary<string, string> { ["Merge.From"] = $"{friends.Id}", ["Merge.Into"] = $"{friends.Id}" });
        Assert.Contains("Vælg to forskellige indsigter", self.Text);
        var merged = await mona.SubmitAsync(renamed.Document, "form.merge-form", new Dictionary<string, string> { ["Merge.From"] = $"{friends.Id}", ["Merge.Into"] = $"{parents.Id}" });
        Assert.Contains("»Venskaber betyder mest« er slået sammen med »Forældre vil gerne kende hinanden«.", merged.Text);
        Assert.Equal(3, await factory.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(x => x.InsightId == parents.Id)));
        Assert.False(await factory.WithDbAsync(db => db.CoreTaskInsights.AnyAsync(i => i.Id == friends.Id)));
        // Off the board, but kept as the process's history.
        Assert.Equal(parents.Id, await factory.WithDbAsync(db => db.CoreTaskInsights.IgnoreQueryFilters().Where(i => i.Id == friends.Id).Select(i => i.MergedIntoId).SingleAsync()));
        Assert.Null(merged.Document.QuerySelector($"#i-{friends.Id}"));

        // Deleting puts the material back among the unsorted.
        var deleted = await mona.SubmitAsync(merged.Document, $"#i-{parents.Id} form[action$='handler=Delete']");
        Assert.Contains("Indsigten »Forældre vil gerne kende hinanden« er slettet, og dens materiale er usorteret igen.", deleted.Text);
        Assert.Equal(4, await factory.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(x => x.ProcessId == id && x.InsightId == null)));
    }

    [Fact]
    public async Task MaterialOrAnInsightOfAnotherProcess_IsRefused_AndNothingMoves()
    {
        var mine = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Min enhed");
        var other = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Anden enhed");
        var own = await MaterialAsync(mine);
        var foreign = await MaterialAsync(other);
        var foreignInsight = await factory.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == other).Select(p => p.Id).FirstAsync();
            var insight = new CoreTaskInsight { ProcessId = other, Title = "Fremmed", CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow };
            db.CoreTaskInsights.Add(insight);
            await db.SaveChangesAsync();
            return insight.Id;
        });
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var board = await anne.GetAsync($"/kerneopgave/{mine}/indsigter");
        var token = board.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var withForeign = await anne.PostRawAsync($"/kerneopgave/{mine}/indsigter?handler=New",
            [new("__RequestVerificationToken", token), new("Move.MaterialIds", $"{own[0]}"), new("Move.MaterialIds", $"{foreign[0]}"), new("Move.NewTitle", "Blandet")]);
        Assert.Equal(HttpStatusCode.OK, withForeign.Status);
        Assert.Contains("Noget af det valgte materiale hører ikke til forløbet. Intet er flyttet.", withForeign.Text);
        var toForeign = await anne.PostRawAsync($"/kerneopgave/{mine}/indsigter?handler=Move",
            [new("__RequestVerificationToken", token), new("Move.MaterialIds", $"{own[0]}"), new("Move.Target", $"{foreignInsight}")]);
        Assert.Equal(HttpStatusCode.NotFound, toForeign.Status);
        var rename = await anne.PostRawAsync($"/kerneopgave/{mine}/indsigter?handler=Rename",
            [new("__RequestVerificationToken", token), new("Rename.InsightId", $"{foreignInsight}"), new("Rename.Title", "Overtaget")]);
        Assert.Equal(HttpStatusCode.NotFound, rename.Status);
        var validate = await anne.PostRawAsync($"/kerneopgave/{mine}/validering",
            [new("__RequestVerificationToken", token), new("Validation.InsightId", $"{foreignInsight}"), new("Validation.Verdict", "Agree")]);
        Assert.Equal(HttpStatusCode.NotFound, validate.Status);
        Assert.False(await factory.WithDbAsync(db => db.CoreTaskMaterials.AnyAsync(x => x.InsightId != null && (x.ProcessId == mine || x.ProcessId == other))));
        Assert.Equal("Fremmed", await factory.WithDbAsync(db => db.CoreTaskInsights.Where(i => i.Id == foreignInsight).Select(i => i.Title).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.InsightValidations.AnyAsync(v => v.InsightId == foreignInsight)));
    }

    [Fact]
    public async Task EveryParticipant_ValidatesAnInsight_AndTheBoardShowsTheAgreement()
    {
        var mona = await factory.UserAsync("Mona Mor");
        var per = await factory.UserAsync("Per Pædagog");
        var outsider = await factory.UserAsync("Ulla Udenfor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Børnehuset Mælkebøtten", (mona, "Mona Mor", CoreTaskRole.Citizen), (per, "Per Pædagog", CoreTaskRole.Staff));
        var m = await MaterialAsync(id);
        var (full, empty) = await factory.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.IsOwner).Select(p => p.Id).FirstAsync();
            var a = new CoreTaskInsight { ProcessId = id, Title = "Familier vil høre til", CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow };
            var b = new CoreTaskInsight { ProcessId = id, Title = "Endnu tom", CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow.AddSeconds(1) };
            db.CoreTaskInsights.AddRange(a, b);
            await db.SaveChangesAsync();
            await db.CoreTaskMaterials.Where(x => x.Id == m[0] || x.Id == m[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.InsightId, a.Id));
            return (a.Id, b.Id);
        });

        using var monaClient = await factory.SignedInAsync(mona);
        var page = await monaClient.GetAsync($"/kerneopgave/{id}/validering");
        Assert.Contains("Indsigten er tom og kan ikke valideres", page.Document.QuerySelector($"#v-{empty}")!.TextContent);
        Assert.Null(page.Document.QuerySelector($"#v-{empty} form"));
        var form = $"#v-{full} form";
        var none = await monaClient.SubmitAsync(page.Document, form);
        Assert.Contains("Vælg, om du er enig, delvis enig eller uenig.", none.Text);
        var noReason = await monaClient.SubmitAsync(page.Document, form, new Dictionary<string, string> { ["Validation.Verdict"] = "Disagree" });
        Assert.Contains("Skriv, hvad du ikke er enig i, så gruppen kan bruge det.", noReason.Text);
        Assert.True(noReason.Document.QuerySelector<IHtmlInputElement>($"#verdict-{full}-3")!.IsChecked);
        var agreed = await monaClient.SubmitAsync(page.Document, form, new Dictionary<string, string> { ["Validation.Verdict"] = "Agree" });
        Assert.Contains("Dit svar er gemt: enig.", agreed.Text);
        // A new answer replaces the first.
        var changed = await monaClient.SubmitAsync(agreed.Document, form, new Dictionary<string, string> { ["Validation.Verdict"] = "Partly", ["Validation.Comment"] = "Også børnene skal høre til, ikke kun os." });
        Assert.Contains("Dit svar er gemt: delvis enig.", changed.Text);
        Assert.Equal(1, await factory.WithDbAsync(db => db.InsightValidations.CountAsync(v => v.InsightId == full)));

        using var perClient = await factory.SignedInAsync(per);
        var perPage = await perClient.GetAsync($"/kerneopgave/{id}/validering");
        Assert.Contains("Også børnene skal høre til, ikke kun os.", perPage.Document.QuerySelector($"#v-{full}")!.TextContent);
        await perClient.SubmitAsync(perPage.Document, form, new Dictionary<string, string> { ["Validation.Verdict"] = "Agree" });
        // An empty insight cannot be validated, even by a crafted post.
        var token = perPage.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var crafted = await perClient.PostRawAsync($"/kerneopgave/{id}/validering", [new("__RequestVerificationToken", token), new("Validation.InsightId", $"{empty}"), new("Validation.Verdict", "Agree")]);
        Assert.Contains("Indsigten er tom. Den skal hvile på materiale, før den kan valideres.", crafted.Text);

        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var board = await anne.GetAsync($"/kerneopgave/{id}/indsigter");
        var group = board.Document.QuerySelector($"#i-{full}")!.TextContent;
        Assert.Contains("Validering: 1 enige, 1 delvis enige, 0 uenige (2 af 3 deltagere har svaret)", group);
        Assert.Contains("50 % enige, 50 % delvis enige, 0 % uenige", group);

        // Someone outside the process, and the site administrator who is no participant, may not validate.
        using var ulla = await factory.SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.Forbidden, (await ulla.GetAsync($"/kerneopgave/{id}/validering")).Status);
        var outsiderToken = (await ulla.GetAsync("/kerneopgave")).Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;
        var outsiderPost = await ulla.PostRawAsync($"/kerneopgave/{id}/validering", [new("__RequestVerificationToken", outsiderToken), new("Validation.InsightId", $"{full}"), new("Validation.Verdict", "Disagree"), new("Validation.Comment", "Nej")]);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderPost.Status);
        using var admin = await factory.SignedInAsync("admin@demo.samskab.dk");
        var adminPage = await admin.GetAsync($"/kerneopgave/{id}/validering");
        Assert.Equal(HttpStatusCode.OK, adminPage.Status);
        Assert.Contains("Kun forløbets deltagere validerer indsigterne.", adminPage.Text);
        Assert.Null(adminPage.Document.QuerySelector($"#v-{full} form"));
        var adminToken = adminPage.Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;
        var adminPost = await admin.PostRawAsync($"/kerneopgave/{id}/validering", [new("__RequestVerificationToken", adminToken), new("Validation.InsightId", $"{full}"), new("Validation.Verdict", "Agree")]);
        Assert.Equal(HttpStatusCode.Forbidden, adminPost.Status);
        Assert.Equal(2, await factory.WithDbAsync(db => db.InsightValidations.CountAsync(v => v.InsightId == full)));
    }

    [Fact]
    public async Task MyData_HasTheParticipantsPlacesAndContributions_InCoreTaskProcesses()
    {
        var mona = await factory.UserAsync("Mona Mor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Dagplejen Syd", (mona, "Mona Mor", CoreTaskRole.Citizen));
        await factory.WithDbAsync(async db =>
        {
            var me = await db.CoreTaskParticipants.Where(p => p.ProcessId == id && p.Name == "Mona Mor").Select(p => p.Id).SingleAsync();
            var insight = new CoreTaskInsight { ProcessId = id, Title = "Dagplejeren er familiens anker", CreatedById = me, CreatedAt = DateTimeOffset.UtcNow };
            db.CoreTaskInsights.Add(insight);
            await db.SaveChangesAsync();
            db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = id, Kind = MaterialKind.Obituary, Text = "Jeg ville savne Hanne.", AuthorId = me, CreatedAt = DateTimeOffset.UtcNow, InsightId = insight.Id });
            db.InsightValidations.Add(new InsightValidation { InsightId = insight.Id, ParticipantId = me, Verdict = InsightVerdict.Partly, Comment = "Også for far.", At = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await factory.SignedInAsync(mona);
        var page = await client.GetAsync("/konto/mine-data");
        Assert.Contains("Dagplejen Syd: Borger eller bruger", page.Document.QuerySelector("#md-coretask")!.ParentElement!.TextContent);
        var json = await client.Http.GetStringAsync("/konto/mine-data?handler=Json");
        var contributions = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("CoreTaskContributions").EnumerateArray()
            .Select(e => (Kind: e.GetProperty("Kind").GetString(), Text: e.GetProperty("Text").GetString())).ToList();
        Assert.Contains(("material-obituary", "Jeg ville savne Hanne."), contributions);
        Assert.Contains(("validation-partly", "Dagplejeren er familiens anker: Også for far."), contributions);
    }

    [Fact]
    public async Task ABoardWithManyInsights_ShowsThemTwentyFiveAtATime_AndAnOpenedInsightOnItsOwnPage()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Genoptræningscenter Øst");
        var insights = await factory.WithDbAsync(async db =>
        {
            var owner = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).Select(p => p.Id).FirstAsync();
            var rows = Enumerable.Range(1, 30).Select(n => new CoreTaskInsight { ProcessId = id, Title = $"Indsigt nummer {n:00}", CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(n) }).ToList();
            db.CoreTaskInsights.AddRange(rows);
            await db.SaveChangesAsync();
            db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = id, Kind = MaterialKind.Observation, AuthorId = owner, Subject = "Træningssalen", Text = "Ingen taler sammen.", InsightId = rows[27].Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        var first = await anne.GetAsync($"/kerneopgave/{id}/indsigter");
        Assert.Equal(25, first.Document.QuerySelectorAll(".board-group").Length);
        Assert.Contains("Indsigt 1–25 af 30", first.Text);
        // Every insight is still a place to move material to.
        Assert.Equal(30, first.Document.QuerySelectorAll("#Move_Target option").Count(o => o.TextContent.StartsWith("Indsigt nummer", StringComparison.Ordinal)));
        var next = first.Document.QuerySelector("nav[aria-label='Sider med indsigter'] a[rel='next']")!.GetAttribute("href")!;
        var second = await anne.GetAsync(next);
        Assert.Equal(["Indsigt nummer 26", "Indsigt nummer 27", "Indsigt nummer 28", "Indsigt nummer 29", "Indsigt nummer 30"],
            second.Document.QuerySelectorAll(".board-group h3").Select(e => e.TextContent.Trim()));
        var opened = await anne.GetAsync($"/kerneopgave/{id}/indsigter?gruppe={insights[27]}");
        Assert.Contains("Ingen taler sammen.", opened.Document.QuerySelector($"#i-{insights[27]}")!.TextContent);
        Assert.Contains("Indsigt 26–30 af 30", opened.Text);
    }
}
