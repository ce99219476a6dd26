using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.Errors;

/// <summary>
/// The friendly error page for every status code and unhandled exception. It never shows exception text; the
/// correlation id ties it to the log entry.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(IStringLocalizer<SharedResource> l, ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string CorrelationId { get; private set; } = "";

    public void OnGet(int? code) => Build(code);

    public void OnPost(int? code) => Build(code);

    private void Build(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = code ?? 500;
        if (Code is < 400 or > 599)
        {
            Code = 404;
        }
        CorrelationId = HttpContext.TraceIdentifier;
        if (exception?.Error is { } error)
        {
            logger.LogError(error, "Unhandled exception on {Path}", exception.Path);
        }
        (Heading, Explanation) = Code switch
        {
            400 => (l["Forespørgslen kunne ikke behandles"].Value, l["Formularen var udløbet eller ufuldstændig. Gå tilbage, genindlæs siden og prøv igen."].Value),
            403 => (l["Du har ikke adgang til siden"].Value, l["Din rolle giver ikke adgang til denne side eller handling. Mener du, det er en fejl, så kontakt initiativets ankerperson."].Value),
            404 => (l["Siden findes ikke"].Value, l["Siden er flyttet eller slettet, eller adressen er skrevet forkert."].Value),
            429 => (l["For mange forsøg"].Value, l["Du har prøvet for mange gange på kort tid. Vent et par minutter, og prøv så igen."].Value),
            _ => (l["Der opstod en fejl"].Value, l["Noget gik galt hos os. Ingen data er gået tabt. Prøv igen om lidt."].Value),
        };
        Response.StatusCode = Code;
    }
}
