using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The 1.0 / 2.0 check as JSON: <c>POST /api/v1/core-task/check</c> with <c>{"text": "..."}</c>. Public and
/// pure (nothing is stored); the messages are in the reader's language.</summary>
public static class CoreTaskApi
{
    public sealed record CheckRequest(string? Text);
    public sealed record Finding(string Rule, string Message, int Start, int Length);
    public sealed record CheckResponse(string Version, IReadOnlyList<Finding> Findings);

    public static void MapCoreTaskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Samskab").DisableAntiforgery().AllowAnonymous();

        api.MapPost("/core-task/check", (CheckRequest? body, IStringLocalizer<SharedResource> l) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Text))
            {
                return Results.Problem(statusCode: 400, title: l["Formuleringen mangler"], detail: l["Send formuleringen som {\"text\": \"...\"}."]);
            }
            if (body.Text.Length > CoreTaskCheck.MaxLength)
            {
                return Results.Problem(statusCode: 400, title: l["Formuleringen er for lang"], detail: l["Formuleringen må højst være 4000 tegn."]);
            }
            var result = CoreTaskCheck.Check(body.Text);
            return Results.Ok(new CheckResponse(result.VersionName,
                result.Findings.Select(f => new Finding(f.Rule, CoreTaskRules.Message(f, l), f.Start, f.Length)).ToList()));
        })
        .WithName("CheckCoreTaskFormulation")
        .WithSummary("The 1.0 / 2.0 check of a core-task formulation (Danish)")
        .Produces<CheckResponse>()
        .ProducesProblem(400);
    }
}
