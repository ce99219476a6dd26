using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// A form that cannot be saved is shown again with what was typed and a Danish message, at the field it concerns or
/// at the top of the form: never a 500 and never lost text (docs/security.md).
/// </summary>
public static class PageProblems
{
    /// <summary>The message at the top of the form, or at <paramref name="field"/> when given.</summary>
    public static PageResult Problem(this PageModel page, string message, string field = "")
    {
        page.ModelState.AddModelError(field, message);
        return page.Page();
    }

    /// <summary>The message at one field.</summary>
    public static PageResult ProblemAt(this PageModel page, string field, string message) => page.Problem(message, field);
}
