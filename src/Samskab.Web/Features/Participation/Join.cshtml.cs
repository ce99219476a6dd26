using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.Participation;

/// <summary>Taking part: a display name (or anonymous) and an e-mail address, confirmed by a code. No password.</summary>
public class JoinModel(ParticipantSignUp signUp, ParticipantSession session, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(IdeaRules.DisplayNameLength, ErrorMessage = "Navnet må højst være 60 tegn.")]
        public string? DisplayName { get; set; }
        public bool Anonymous { get; set; }

        [Required(ErrorMessage = "Skriv din e-mailadresse.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")]
        [StringLength(254, ErrorMessage = "E-mailadressen må højst være 254 tegn.")]
        public string Email { get; set; } = "";

        /// <summary>Hidden from people; a bot that fills every field fills this one too.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReturnUrl = ParticipationPages.SafeReturn(ReturnUrl);
        if (await session.CurrentAsync(ct) is not null || User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(ReturnUrl);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReturnUrl = ParticipationPages.SafeReturn(ReturnUrl);
        var name = Input.DisplayName?.Trim() ?? "";
        if (!Input.Anonymous && name.Length == 0)
        {
            ModelState.AddModelError("Input.DisplayName", l["Skriv det navn, andre skal se – eller vælg at være anonym."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A bot: answer as if a code was sent, send nothing.
            return RedirectToPage("/Participation/Sent");
        }
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da";
        var (outcome, handle) = await signUp.StartAsync(Input.Email, Input.Anonymous ? "" : name, Input.Anonymous, ReturnUrl,
            HttpContext.Connection.RemoteIpAddress?.ToString(), language, ct);
        switch (outcome)
        {
            case ParticipantSignUp.Outcome.TooManyFromAddress:
                ModelState.AddModelError(string.Empty, l["Der er bedt om mange koder herfra på kort tid. Vent ti minutter, og prøv igen."]);
                return Page();
            case ParticipantSignUp.Outcome.TooManyForEmail:
                ModelState.AddModelError("Input.Email", l["Der er sendt flere koder til den adresse inden for den seneste time. Brug den nyeste, eller vent lidt."]);
                return Page();
            default:
                return Redirect($"/deltag/bekraeft/{handle}");
        }
    }
}
