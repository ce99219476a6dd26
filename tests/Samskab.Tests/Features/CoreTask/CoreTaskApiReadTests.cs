using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>GET /api/v1/core-task-processes and /{id}, for the process's participants only.</summary>
public class CoreTaskApiReadTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<HttpClient> BearerAsync(string email)
    {
        using var browser = await factory.SignedInAsync(email);
        var page = await browser.GetAsync("/konto/adgangsnoegler");
        var created = await browser.SubmitAsync(page.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "Test" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Document.QuerySelector("#new-token")!.TextContent.Trim());
        return client;
    }

    [Fact]
    public async Task AParticipant_ReadsTheProcess_WithInsightsValidationsFormulationsAndCommitments_AnOutsiderDoesNot()
    {
        var outsider = await factory.UserAsync("Ulla Udenfor");
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Rehabiliteringscentret Øst", (null, "Bent, borger", CoreTaskRole.Citizen));
        await factory.WithDbAsync(async db =>
        {
            var people = await db.CoreTaskParticipants.Where(p => p.ProcessId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var insight = new CoreTaskInsight { ProcessId = id, Title = "Borgeren vil selv bestemme målet", CreatedById = people[0], CreatedAt = DateTimeOffset.UtcNow };
            db.CoreTaskInsights.Add(insight);
            await db.SaveChangesAsync();
            db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = id, Kind = MaterialKind.Obituary, Text = "Jeg ville savne fysioterapeuten.", AuthorId = people[1], CreatedAt = DateTimeOffset.UtcNow, InsightId = insight.Id });
            db.InsightValidations.Add(new InsightValidation { InsightId = insight.Id, ParticipantId = people[1], Verdict = InsightVerdict.Disagree, Comment = "Lægen bestemmer.", At = DateTimeOffset.UtcNow });
            var f = new CoreTaskFormulation { ProcessId = id, CreatedById = people[0], CreatedAt = DateTimeOffset.UtcNow, LatestNumber = 1 };
            f.Versions.Add(new FormulationVersion { Number = 1, Text = "Vi tilbyder genoptræning.", Answers = [], AuthorId = people[0], CreatedAt = DateTimeOffset.UtcNow });
            db.CoreTaskFormulations.Add(f);
            db.CoreTaskCommitments.Add(new CoreTaskCommitment { ProcessId = id, ActorId = people[1], CreatedById = people[0], Place = "i træningssalen", Idea = "Borgeren skriver selv sit mål på tavlen.", Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var api = await BearerAsync(GivenCoreTask.AnchorEmail);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/core-task-processes");
        var mine = list.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(1, mine.GetProperty("insights").GetInt32());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/core-task-processes/{id}");
        Assert.Equal("current", detail.GetProperty("phases")[0].GetProperty("state").GetString());
        Assert.Equal(1, detail.GetProperty("methods").GetProperty("obituaries").GetInt32());
        var insight = detail.GetProperty("insights")[0];
        Assert.Equal(1, insight.GetProperty("disagree").GetInt32());
        Assert.Equal("Lægen bestemmer.", insight.GetProperty("validations")[0].GetProperty("comment").GetString());
        Assert.Equal("disagree", insight.GetProperty("validations")[0].GetProperty("verdict").GetString());
        Assert.Equal("1.0", detail.GetProperty("formulations")[0].GetProperty("versions")[0].GetProperty("check").GetProperty("version").GetString());
        var commitment = detail.GetProperty("commitments")[0];
        Assert.True(commitment.GetProperty("overdue").GetBoolean());
        Assert.Equal("promised", commitment.GetProperty("status").GetString());

        using var other = await BearerAsync(outsider);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/core-task-processes");
        Assert.DoesNotContain(theirs.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/core-task-processes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/core-task-processes/999999")).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/core-task-processes/{id}")).StatusCode);
    }
}
