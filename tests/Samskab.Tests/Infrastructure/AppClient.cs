using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace Samskab.Tests.Infrastructure;

/// <summary>
/// A browser-like client over real HTTP: it keeps cookies, reads pages with AngleSharp and submits their forms with
/// every hidden field (antiforgery token included), so a test posts exactly what a person's browser would.
/// </summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public sealed record Result(HttpResponseMessage Response, IHtmlDocument Document, string Body)
    {
        public HttpStatusCode Status => Response.StatusCode;
        public string? Location => Response.Headers.Location?.ToString();
        public string Text => Document.Body?.TextContent ?? "";
    }

    public async Task<Result> GetAsync(string url, bool follow = true)
    {
        var response = await Http.GetAsync(url);
        return follow ? await FollowAsync(response) : await ReadAsync(response);
    }

    /// <summary>Fills a form of the page and submits it like a browser, following redirects.</summary>
    public async Task<Result> SubmitAsync(IHtmlDocument page, string formSelector, IDictionary<string, string>? fields = null, string? submitName = null, bool follow = true)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on the page:\n{page.Body?.TextContent}");
        var values = Values(form, fields);
        var action = form.GetAttribute("action");
        if (submitName?.StartsWith("handler=", StringComparison.Ordinal) == true)
        {
            // A button with its own formaction, as a browser would post it.
            var button = form.QuerySelector($"button[formaction*='{submitName}']") ?? throw new Xunit.Sdk.XunitException($"No button for {submitName} in the form.");
            action = button.GetAttribute("formaction");
            if (button.GetAttribute("name") is { Length: > 0 } buttonName)
            {
                values.Add(new(buttonName, button.GetAttribute("value") ?? ""));
            }
            submitName = null;
        }
        if (submitName is not null)
        {
            var button = form.QuerySelector<IHtmlButtonElement>($"button[name='{submitName.Split('=')[0]}']");
            values.Add(new(submitName.Split('=')[0], submitName.Contains('=', StringComparison.Ordinal) ? submitName.Split('=')[1] : button?.Value ?? ""));
        }
        var url = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            // A GET form (a search) replaces the query string of its action, as a browser does.
            using var query = new FormUrlEncodedContent(values);
            var path = url.Split('?', '#')[0];
            return await GetAsync(path + "?" + await query.ReadAsStringAsync(), follow);
        }
        using var content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(url, content);
        return follow ? await FollowAsync(response) : await ReadAsync(response);
    }

    /// <summary>What a browser sends of a form: every named field (checked boxes only), with <paramref name="fields"/>
    /// replacing or adding values.</summary>
    private static List<KeyValuePair<string, string>> Values(IHtmlFormElement form, IDictionary<string, string>? fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked && !string.IsNullOrEmpty(input.Name))
                    {
                        values.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value ?? ""));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }
        if (fields is not null)
        {
            foreach (var (name, value) in fields)
            {
                values.RemoveAll(v => v.Key == name);
                values.Add(new(name, value));
            }
        }
        return values;
    }

    /// <summary>Submits a form with a file (multipart), as a browser does with an upload, following redirects.</summary>
    public async Task<Result> SubmitFileAsync(IHtmlDocument page, string formSelector, string fileField, byte[] file, string fileName, IDictionary<string, string>? fields = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on the page:\n{page.Body?.TextContent}");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(form, fields).Where(v => v.Key != fileField))
        {
            content.Add(new StringContent(value), name);
        }
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(part, fileField, fileName);
        var action = form.GetAttribute("action");
        return await FollowAsync(await Http.PostAsync(string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action, content));
    }

    /// <summary>A form post with repeated names (several checkboxes), not followed.</summary>
    public async Task<Result> PostRawAsync(string url, KeyValuePair<string, string>[] fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(await Http.PostAsync(url, content));
    }

    public async Task<Result> PostRawAsync(string url, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(await Http.PostAsync(url, content));
    }

    private async Task<Result> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location!;
            response = await Http.GetAsync(location);
        }
        return await ReadAsync(response);
    }

    private static async Task<Result> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        // The document knows its address, so a form without an action posts back to the page, as in a browser.
        var address = response.RequestMessage?.RequestUri ?? new Uri("http://localhost/");
        var context = BrowsingContext.New(Configuration.Default);
        var document = (IHtmlDocument)await context.OpenAsync(r => r.Content(body).Address(address));
        return new Result(response, document, body);
    }

    public async Task SignInAsync(string email, string password = "Samskab-demo-1")
    {
        var page = await GetAsync("/konto/log-ind");
        var result = await SubmitAsync(page.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(result.Response.RequestMessage!.RequestUri!.AbsolutePath == "/start", $"Sign-in as {email} failed:\n{result.Text}");
    }

    public void Dispose() => Http.Dispose();
}
