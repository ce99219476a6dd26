using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// The API never answers with an HTML page: a request it cannot read (bad JSON, a wrong type, a missing body, a
/// number out of range) gets 400 application/problem+json in Danish, and anything else a 500 problem with the
/// correlation id. Pages keep the friendly error page.
/// </summary>
public sealed partial class ApiProblemHandler(IProblemDetailsService problems, ILogger<ApiProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        // By now the request path is the error page's; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return false;
        }
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            logger.LogInformation("API request refused: {Message}", bad.Message);
            var parameter = ParameterName().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : null;
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Forespørgslen kunne ikke læses",
                Detail = parameter is null
                    ? "Tjek, at kroppen er gyldig JSON, og at tal, datoer (ÅÅÅÅ-MM-DD) og parametre har den rigtige type."
                    : $"Værdien af '{parameter}' har ikke den rigtige type eller mangler. Tjek tal, datoer (ÅÅÅÅ-MM-DD) og JSON-kroppen.",
            };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception in the API on {Path}", path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Der opstod en fejl",
                Detail = "Noget gik galt hos os. Oplys fejl-id'et, hvis du kontakter os.",
            };
        }
        problem.Extensions["correlationId"] = context.TraceIdentifier;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();
}
