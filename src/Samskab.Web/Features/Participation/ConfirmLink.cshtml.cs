using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// The button in the mail. Opening the link only shows a button: mail scanners that fetch links must not confirm
/// anything on their own device.
/// </summary>
public class ConfirmLinkModel(ParticipantSignUp signUp, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Spent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var challenge = await signUp.FindByLinkAsync(token, ct);
        Spent = challenge is null || !signUp.IsUsable(challenge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var challenge = await signUp.FindByLinkAsync(token, ct);
        if (challenge is null || !signUp.IsUsable(challenge))
        {
            Spent = true;
            return Page();
        }
        return await FinishAsync(this, signUp, challenge, l, ct);
    }

    internal static async Task<IActionResult> FinishAsync(PageModel page, ParticipantSignUp signUp, ParticipantChallenge challenge, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da";
        if (!await signUp.ConfirmAsync(challenge, language, ct))
        {
            return new RedirectResult("/deltag/tilmeld");
        }
        page.TempData["Success"] = l["Tak! Din e-mail er bekræftet, og denne enhed husker dig nu."].Value;
        return new LocalRedirectResult(ParticipationPages.SafeReturn(challenge.ReturnUrl));
    }
}
