using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samskab.Web.Features.CoreTask;

/// <summary>The 1.0 / 2.0 check for anyone: paste a formulation, see sentence by sentence what it needs.</summary>
public class CheckModel : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv den formulering, der skal tjekkes.")]
    [StringLength(CoreTaskCheck.MaxLength, ErrorMessage = "Formuleringen må højst være 4000 tegn.")]
    public string? Text { get; set; }

    public CoreTaskCheckResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (ModelState.IsValid) Result = CoreTaskCheck.Check(Text);
        return Page();
    }
}
