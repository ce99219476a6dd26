using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Data;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.Tests.Security;

/// <summary>
/// Signs in as one role, finds every form on every page that role can reach (and every API write in the OpenAPI
/// document), and submits each with hostile values: empty, 100,000 characters, NUL and other control characters, RTL
/// and zero-width characters, emoji, impossible and extreme dates and numbers, markup and javascript: links. It fails
/// on any 5xx, on any rendered script link, and if rows that existed before are gone.
/// </summary>
public abstract class HostileInputTests(SamskabFactory factory, ITestOutputHelper output)
{
    protected abstract string? Email { get; }

    public static readonly string[] HostileValues =
    [
        "",
        new string('ø', 100_000),
        "før\u0000efter",
        "\u0001\u0002\u0007\u001b\u001f\u007f\u0085\u009f",
        "\u202eevil\u202c \u200b\u200d\ufeff \u0645\u0631\u062d\u0628\u0627",
        "😀👩‍👩‍👧‍👦🇩🇰",
        "0001-01-01",
        "9999-12-31",
        "2026-13-45",
        "-2147483649",
        "99999999999999999999",
        "1e308",
        "<script>alert(1)</script><img src=x onerror=alert(1)>\"'><svg onload=alert(1)>",
        "javascript:alert(document.domain)//",
    ];

    private static readonly string[] TextTypes = ["text", "search", "email", "url", "tel", "password", "date", "time", "number", "datetime-local", "month", ""];

    [Fact]
    [Trait("Category", "HostileInput")]
    public async Task EveryFormAndApiWrite_WithHostileValues_NeverAnswers5xx_RendersNoScriptLink_LosesNoRows()
    {
        var client = factory.CreateAppClient();
        if (Email is not null)
        {
            await client.SignInAsync(Email);
        }
        var before = await RowCountsAsync();
        var crawler = new Crawler(client.Http);
        await crawler.CrawlAsync();
        var problems = new List<string>(crawler.Problems);
        var inputs = 0;
        var submissions = 0;

        foreach (var form in crawler.Forms.Values.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Rounds: every hostile value in the typed fields, then hostile values in hidden fields and selects.
            var rounds = HostileValues.Select(v => (Value: v, Hidden: false)).Concat([("-1", true), ("2147483648", true), ("abc\u0000", true)]);
            var counted = false;
            foreach (var (value, hidden) in rounds)
            {
                var page = await crawler.GetAsync(form.PageUrl);
                var element = page.Document?.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                    .FirstOrDefault(f => Crawler.FieldNames(f).Order().SequenceEqual(form.Fields.Order()) && Crawler.FormAction(f, form.PageUrl) == form.Action);
                if (element is null)
                {
                    break; // The form is gone (a previous submission closed or finished something); nothing more to try.
                }
                var (fields, typed) = Fill(element, value, hidden);
                if (!counted)
                {
                    inputs += typed;
                    counted = true;
                }
                submissions++;
                HttpResponseMessage response;
                if (form.Method == "GET")
                {
                    var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
                    var path = form.Action.Split('?')[0];
                    response = await client.Http.GetAsync(path + "?" + query);
                }
                else
                {
                    using var content = new FormUrlEncodedContent(fields);
                    response = await client.Http.PostAsync(form.Action, content);
                }
                var label = $"{form.Method} {form.Action} with {Describe(value)}{(hidden ? " in hidden fields" : "")}";
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{label} answered {(int)response.StatusCode}");
                    continue;
                }
                // A form shown to a person is one they may use (as shown: with tampered hidden fields it may refuse).
                if (response.StatusCode == System.Net.HttpStatusCode.Forbidden && !hidden)
                {
                    problems.Add($"{form.Method} {form.Action} is shown on {form.PageUrl} but answers 403");
                    continue;
                }
                // A form post with a valid token that answers 400 has thrown away what the person typed.
                if (response.StatusCode == System.Net.HttpStatusCode.BadRequest && form.Method == "POST")
                {
                    problems.Add($"{label} answered 400 instead of a message at the field");
                    continue;
                }
                var result = await Crawler.ReadAsync(form.Action, response);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && location.OriginalString.StartsWith('/'))
                {
                    result = await crawler.GetAsync(location.OriginalString);
                    if ((int)result.Status >= 500)
                    {
                        problems.Add($"{label}: the page after it ({location}) answered {(int)result.Status}");
                    }
                }
                if (result.Document is not null && Crawler.ScriptLinks(result.Document).FirstOrDefault() is { } script)
                {
                    problems.Add($"{label}: rendered a script link {script[..Math.Min(60, script.Length)]}");
                }
            }
        }

        var (apiWrites, apiRequests, apiProblems) = await HostileApiAsync(client);
        problems.AddRange(apiProblems);

        // Every page seen before, seen again after all that: still no 5xx and no script link anywhere.
        foreach (var page in crawler.Visited.Where(p => p.Document is not null).Select(p => p.Url).Distinct())
        {
            var again = await crawler.GetAsync(page);
            if ((int)again.Status >= 500)
            {
                problems.Add($"GET {page} answered {(int)again.Status} after the hostile input");
            }
            else if (again.Document is not null && Crawler.ScriptLinks(again.Document).FirstOrDefault() is { } script)
            {
                problems.Add($"GET {page} renders a script link {script[..Math.Min(60, script.Length)]}");
            }
        }
        foreach (var (url, id) in IdsOutOfRange(crawler))
        {
            var response = await client.Http.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"GET {url} (id {id}) answered {(int)response.StatusCode}");
            }
        }

        var after = await RowCountsAsync();
        foreach (var (table, count) in before)
        {
            if (after[table] < count)
            {
                problems.Add($"{table}: {count - after[table]} row(s) gone");
            }
        }

        var summary = $"{Email ?? "anonymous"}: {crawler.Visited.Count} pages, {crawler.Forms.Count} forms with {inputs} inputs, {submissions} hostile submissions, "
            + $"{apiWrites} API writes with {apiRequests} hostile requests, {problems.Count} problems";
        output.WriteLine(summary);
        var folder = Path.Combine(Features.Permissions.PermissionMatrixTests.RepoRoot(), "artifacts", "security");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"hostile-input-{Email ?? "anonymous"}.txt"),
            summary + "\n\n" + string.Join("\n", crawler.Forms.Keys.Order(StringComparer.Ordinal)) + "\n");
        Assert.True(problems.Count == 0, summary + ":\n" + string.Join("\n", problems.Distinct().Take(60)));
    }

    private static string Describe(string value) =>
        value.Length == 0 ? "an empty value" : value.Length > 60 ? $"{value.Length} characters" : JsonSerializer.Serialize(value);

    /// <summary>The form's fields as a browser would send them, with the hostile value in the fields a person types in.</summary>
    private static (List<KeyValuePair<string, string>> Fields, int Typed) Fill(IHtmlFormElement form, string value, bool hidden)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var typed = 0;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input when input.Type == "hidden":
                    // The antiforgery token stays; the other hidden fields (ids, versions) get the value in the hidden rounds.
                    fields.Add(new(name, hidden && name != "__RequestVerificationToken" ? value : input.Value));
                    break;
                case IHtmlInputElement input when TextTypes.Contains(input.Type):
                    fields.Add(new(name, hidden ? input.Value : value));
                    typed++;
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, hidden ? area.Value ?? "" : value));
                    typed++;
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, hidden ? value : select.Value ?? ""));
                    typed++;
                    break;
            }
        }
        return (fields, typed);
    }

    /// <summary>Each id in a visited address replaced by 0, -1, the largest int and a number beyond it.</summary>
    private static IEnumerable<(string Url, string Id)> IdsOutOfRange(Crawler crawler)
    {
        var shapes = new HashSet<string>();
        foreach (var page in crawler.Visited)
        {
            if (Crawler.IsDownload(page.Url) || !shapes.Add(Crawler.Shape(page.Url)))
            {
                continue;
            }
            var path = page.Url.Split('?')[0];
            var numbers = System.Text.RegularExpressions.Regex.Matches(path, @"(?<=/)\d+(?=/|$)");
            foreach (System.Text.RegularExpressions.Match number in numbers)
            {
                foreach (var id in new[] { "0", "-1", "2147483647", "99999999999" })
                {
                    yield return (path[..number.Index] + id + path[(number.Index + number.Length)..], id);
                }
            }
        }
    }

    /// <summary>Every POST in the OpenAPI document, with broken JSON, wrong types and every hostile value in every string.</summary>
    private async Task<(int Writes, int Requests, List<string> Problems)> HostileApiAsync(AppClient client)
    {
        var problems = new List<string>();
        if (Email is null)
        {
            return (0, 0, problems);
        }
        var tokens = await client.GetAsync("/konto/adgangsnoegler");
        var created = await client.SubmitAsync(tokens.Document, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Name"] = "Fjendtligt input", ["Input.ExpiresInDays"] = "30" });
        var token = created.Document.QuerySelector("#new-token")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(token), "No access token was created:\n" + created.Text);
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var doc = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        var writes = 0;
        var requests = 0;
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var ids = new[] { "1", "0", "2147483647" };
                foreach (var id in ids)
                {
                    var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{[^}]+\}", id);
                    if (operation.Name == "get")
                    {
                        foreach (var query in new[] { "?page=abc", "?page=99999999999", "?platform=abc", "?category=%00", "?page=-1" })
                        {
                            requests++;
                            await CheckAsync(await api.GetAsync(url + query), $"GET {url}{query}", problems);
                        }
                        continue;
                    }
                    if (operation.Name != "post")
                    {
                        continue;
                    }
                    if (id == "1")
                    {
                        writes++;
                    }
                    var properties = BodyProperties(operation.Value, schemas);
                    var bodies = new List<string> { "{", "null", "[]", "\"x\"", "{\"title\": 5, \"name\": [], \"startDate\": \"2026-13-45\"}", "" };
                    foreach (var value in HostileValues)
                    {
                        var body = new JsonObject();
                        foreach (var (name, type) in properties)
                        {
                            body[name] = type switch
                            {
                                "integer" => value.Length is > 0 and < 30 && long.TryParse(value, out var n) ? JsonValue.Create(n) : JsonValue.Create(2147483648L),
                                "boolean" => JsonValue.Create(true),
                                _ => JsonValue.Create(value),
                            };
                        }
                        bodies.Add(body.ToJsonString());
                    }
                    foreach (var body in bodies)
                    {
                        requests++;
                        using var content = new StringContent(body, Encoding.UTF8, "application/json");
                        await CheckAsync(await api.PostAsync(url, content), $"POST {url} {Describe(body)}", problems);
                    }
                }
            }
        }
        return (writes, requests, problems);
    }

    private static async Task CheckAsync(HttpResponseMessage response, string label, List<string> problems)
    {
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{label} answered {(int)response.StatusCode}");
        }
        else if ((int)response.StatusCode is 400 or 422 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problems.Add($"{label} answered {(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType ?? "nothing"}, not application/problem+json: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static List<(string Name, string Type)> BodyProperties(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json) || !json.TryGetProperty("schema", out var schema))
        {
            return [];
        }
        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return [];
        }
        return properties.EnumerateObject().Select(p =>
        {
            var type = p.Value.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().First(x => x.GetString() != "null").GetString() : t.GetString()) : "string";
            return (p.Name, type ?? "string");
        }).ToList();
    }

    /// <summary>Rows per table of the features' own data; hostile input may add rows but never take any away.</summary>
    private Task<Dictionary<string, int>> RowCountsAsync() => factory.WithDbAsync(async db =>
    {
        var counts = new Dictionary<string, int>();
        foreach (var property in typeof(AppDbContext).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)))
        {
            var entity = property.PropertyType.GetGenericArguments()[0];
            if (entity.Namespace?.StartsWith("Samskab.Web.Features", StringComparison.Ordinal) != true)
            {
                continue;
            }
            var set = (IQueryable<object>)property.GetValue(db)!;
            // Rows in the table, including those a query filter hides (an insight taken off the board is kept).
            counts[property.Name] = await set.IgnoreQueryFilters().CountAsync();
        }
        return counts;
    });
}

public class HostileInput_AnchorPerson(SamskabFactory factory, ITestOutputHelper output) : HostileInputTests(factory, output), IClassFixture<SamskabFactory>
{
    protected override string? Email => "anker@demo.samskab.dk";
}

public class HostileInput_Coordinator(SamskabFactory factory, ITestOutputHelper output) : HostileInputTests(factory, output), IClassFixture<SamskabFactory>
{
    protected override string? Email => "tovholder@demo.samskab.dk";
}

public class HostileInput_Actor(SamskabFactory factory, ITestOutputHelper output) : HostileInputTests(factory, output), IClassFixture<SamskabFactory>
{
    protected override string? Email => "aktoer@demo.samskab.dk";
}

public class HostileInput_Administrator(SamskabFactory factory, ITestOutputHelper output) : HostileInputTests(factory, output), IClassFixture<SamskabFactory>
{
    protected override string? Email => "admin@demo.samskab.dk";
}

public class HostileInput_Anonymous(SamskabFactory factory, ITestOutputHelper output) : HostileInputTests(factory, output), IClassFixture<SamskabFactory>
{
    protected override string? Email => null;
}
