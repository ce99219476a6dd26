using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Features.Participation;

/// <summary>Typing the six-digit code from the mail.</summary>
public class ConfirmModel(ParticipantSignUp signUp, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv koden fra mailen.")]
    [StringLength(20, ErrorMessage = "Koden er seks cifre.")]
    public string Code { get; set; } = "";

    public string Handle { get; private set; } = "";
    public bool Spent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken ct)
    {
        var challenge = await signUp.FindByHandleAsync(handle, ct);
        if (challenge is null) return NotFound();
        Handle = handle;
        Spent = !signUp.IsUsable(challenge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string handle, CancellationToken ct)
    {
        var challenge = await signUp.FindByHandleAsync(handle, ct);
        if (challenge is null) return NotFound();
        Handle = handle;
        if (!signUp.IsUsable(challenge))
        {
            Spent = true;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        if (!await signUp.CheckCodeAsync(challenge, Code, ct))
        {
            Spent = !signUp.IsUsable(challenge);
            ModelState.AddModelError("Code", Spent
                ? l["Koden er forkert, og der er prøvet for mange gange. Bed om en ny kode."]
                : l["Koden passer ikke. Tjek, at du bruger den nyeste mail."]);
            return Page();
        }
        return await ConfirmLinkModel.FinishAsync(this, signUp, challenge, l, ct);
    }
}
