using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>
/// The one way a page shows a link, button or section only to those who may use it: <c>can="ManageActors"
/// can-initiative="@id"</c> asks the permission matrix (the same check the handler behind it makes) and leaves the
/// element out otherwise. With <c>can-else="…"</c> it says instead who can ("Platformens medlemmer sætter baseline").
/// </summary>
[HtmlTargetElement("*", Attributes = "can")]
public sealed class CanTagHelper(IAuthorizationService auth) : TagHelper
{
    [HtmlAttributeName("can")]
    public Operation Operation { get; set; }

    [HtmlAttributeName("can-initiative")]
    public int? InitiativeId { get; set; }

    [HtmlAttributeName("can-platform")]
    public int? PlatformId { get; set; }

    [HtmlAttributeName("can-meeting")]
    public int? MeetingId { get; set; }

    /// <summary>Shown in place of the element to those who may not (plain text, encoded).</summary>
    [HtmlAttributeName("can-else")]
    public string? Else { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // Runs before the other tag helpers, so a left-out element costs nothing more.
    public override int Order => -1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var scope = new AccessScope(InitiativeId, PlatformId, MeetingId);
        // A page asks the same question for many rows (every flag of the radar): answered once per request.
        var items = ViewContext.HttpContext.Items;
        var key = (typeof(CanTagHelper), scope, Operation);
        if (items[key] is not bool allowed)
        {
            allowed = (await auth.AuthorizeAsync(ViewContext.HttpContext.User, scope, Operation)).Succeeded;
            items[key] = allowed;
        }
        if (allowed)
        {
            return;
        }
        output.SuppressOutput();
        if (!string.IsNullOrEmpty(Else))
        {
            output.TagName = "span";
            output.Attributes.Clear();
            output.Attributes.Add("class", "who-can");
            output.Content.SetContent(Else);
        }
    }
}
