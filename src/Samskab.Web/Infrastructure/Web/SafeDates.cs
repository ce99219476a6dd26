using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// The dates Samskab works with: 1900–2199. A date outside it (0001-01-01, 9999-12-31) is almost always a typing
/// slip, and date arithmetic on it overflows; it is refused where dates come in — forms, query strings and JSON —
/// with a Danish message, instead of reaching the pages.
/// </summary>
public static class SafeDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);

    public const string OutOfRange = "Datoen skal ligge mellem år 1900 og 2199.";

    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy"];

    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>Binds DateOnly form and query fields (ISO and the Danish 18-3-2027 / 18.3.2027), refusing dates outside 1900–2199.</summary>
public sealed class SafeDateBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (Nullable.GetUnderlyingType(bindingContext.ModelType) is null)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Skriv en dato, fx 2027-03-18."]);
            }
            else
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        if (SafeDates.Parse(text) is not { } date)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Skriv en gyldig dato, fx 2027-03-18."]);
            return Task.CompletedTask;
        }
        if (!SafeDates.InRange(date))
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l[SafeDates.OutOfRange]);
            return Task.CompletedTask;
        }
        bindingContext.Result = ModelBindingResult.Success(date);
        return Task.CompletedTask;
    }
}

public sealed class SafeDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly?) ? new SafeDateBinder() : null;
}

/// <summary>DateOnly in JSON bodies: ISO dates within 1900–2199; anything else is a 400 (see ApiProblemHandler).</summary>
public sealed class SafeDateJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("A date must be a string.");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || !SafeDates.InRange(date))
        {
            throw new JsonException(SafeDates.OutOfRange);
        }
        return date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
