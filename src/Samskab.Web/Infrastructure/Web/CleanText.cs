using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Primitives;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// The one rule for characters that never belong in text people type: C0 and C1 control characters (NUL included,
/// tab and line breaks kept), the non-characters U+FFFE/U+FFFF and lone surrogates. They break XML (XLSX exports,
/// SVG, mail), PostgreSQL refuses NUL, and nobody means them. Applied at the edge for forms, query strings and JSON,
/// and again where text is written as XML, for anything stored before.
/// </summary>
public static class CleanText
{
    public static bool IsUnwanted(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || (c >= '\u007f' && c <= '\u009f') || c is '\ufffe' or '\uffff';

    public static bool NeedsCleaning(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnwanted(c))
            {
                return true;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                return true;
            }
            if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    public static string Clean(string value)
    {
        if (!NeedsCleaning(value))
        {
            return value;
        }
        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            var n = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (IsUnwanted(c))
                {
                    continue;
                }
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        buffer[n++] = c;
                        buffer[n++] = value[++i];
                    }
                    continue;
                }
                if (char.IsLowSurrogate(c))
                {
                    continue;
                }
                buffer[n++] = c;
            }
            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string? CleanOrNull(string? value) => value is null ? null : Clean(value);
}

/// <summary>Cleans the query string and posted form fields of every request before model binding sees them.</summary>
public sealed class CleanInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && request.Query.Any(q => q.Value.Any(CleanText.NeedsCleaning)))
        {
            var cleaned = request.Query.Select(q => new KeyValuePair<string, StringValues>(CleanText.Clean(q.Key), Clean(q.Value)));
            request.QueryString = QueryString.Create(cleaned);
        }
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                // ASP.NET's form reader refuses an encoded NUL outright (the whole form, typed text and all, would be
                // lost to a 400), so it is taken out of the raw body first; the other control characters are
                // cleaned from the parsed values below.
                await RemoveEncodedNulAsync(request, context.RequestAborted);
            }
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // A malformed or oversized form: the 400 page explains it, nothing reaches a page.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            if (form.Any(f => CleanText.NeedsCleaning(f.Key) || f.Value.Any(CleanText.NeedsCleaning)))
            {
                var fields = form.GroupBy(f => CleanText.Clean(f.Key))
                    .ToDictionary(g => g.Key, g => Clean(new StringValues(g.SelectMany(f => f.Value.ToArray()).ToArray())));
                request.Form = new FormCollection(fields, form.Files);
            }
        }
        await next(context);
    }

    private static async Task RemoveEncodedNulAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var cleaned = new MemoryStream(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                continue;
            }
            if (bytes[i] == (byte)'%' && i + 2 < bytes.Length && bytes[i + 1] == (byte)'0' && bytes[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }
            cleaned.WriteByte(bytes[i]);
        }
        cleaned.Position = 0;
        request.Body = cleaned;
        request.ContentLength = cleaned.Length;
    }

    private static StringValues Clean(StringValues values) =>
        values.Count == 1 ? new StringValues(CleanText.Clean(values[0]!)) : new StringValues(values.Select(v => CleanText.Clean(v ?? "")).ToArray());
}

/// <summary>Cleans every string read from a JSON body (the API), by the same rule as forms.</summary>
public sealed class CleanStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? CleanText.CleanOrNull(reader.GetString()) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
