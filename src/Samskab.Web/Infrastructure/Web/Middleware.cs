using System.Diagnostics;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// Gives every request a correlation id: in the log scope, in the X-Correlation-Id header, and on error pages, so a
/// user can quote it and an operator can find the details in the log.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        // nginx's $request_id (X-Request-Id) joins its access log to ours; anything else is not trusted as an id.
        var id = context.Request.Headers["X-Request-Id"].ToString() is { } given && IsSafeId(given)
            ? given
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    internal static bool IsSafeId(string id) =>
        id.Length is >= 8 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // No inline script or style anywhere: every script and stylesheet is a file under wwwroot.
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string CustomKey = "Samskab.Csp";

    /// <summary>
    /// A stricter, page-specific policy (the newsletter as received: no script at all, one hashed style block) that a
    /// page of this site may frame.
    /// </summary>
    public static void UseFramedDocumentPolicy(HttpContext context, string csp) => context.Items[CustomKey] = csp;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var custom = context.Items[CustomKey] as string;
            headers.ContentSecurityPolicy = custom ?? Csp;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = custom is null ? "DENY" : "SAMEORIGIN";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages, exports and API answers carry personal data: no browser or proxy keeps a copy. Static files
            // (no endpoint) stay cacheable.
            if (context.GetEndpoint() is not null && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
