using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Meetings;

/// <summary>
/// Answering an invitation from the link in the mail, without signing in. The link is signed (see ReplyLinks), so it
/// is not rate limited: a whole office answering from one address must not be turned away.
/// </summary>
public class ReplyModel(AppDbContext db, ReplyLinks links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Meeting? Meeting { get; private set; }
    public string PersonName { get; private set; } = "";
    public Reply Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var invitation = await FindAsync(token);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, Reply reply, CancellationToken ct)
    {
        var invitation = await FindAsync(token);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (invitation.Meeting!.CancelledAt is not null)
        {
            ModelState.AddModelError(string.Empty, l["Mødet er aflyst, så der skal ikke svares."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (reply is not (Reply.Yes or Reply.No or Reply.Maybe))
        {
            ModelState.AddModelError(string.Empty, l["Vælg ja, nej eller måske."]);
            return Page();
        }
        invitation.Reply = reply;
        invitation.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Current = reply;
        TempData["Success"] = reply switch
        {
            Reply.Yes => l["Tak – vi ses!"].Value,
            Reply.No => l["Tak for svaret – vi savner dig."].Value,
            _ => l["Tak – giv gerne besked, når du ved det."].Value,
        };
        return Redirect($"/moeder/svar/{token}");
    }

    private async Task<Invitation?> FindAsync(string token)
    {
        if (links.InvitationId(token) is not int id)
        {
            return null;
        }
        var invitation = await db.Invitations.Include(i => i.Meeting).Include(i => i.Person).SingleOrDefaultAsync(i => i.Id == id);
        if (invitation is not null)
        {
            Meeting = invitation.Meeting;
            PersonName = invitation.Person!.Name;
            Current = invitation.Reply;
        }
        return invitation;
    }
}
