using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Actors;

/// <summary>
/// Who may see, add and change which people (docs/adr/0005):
/// - an anchor person or working group sees and adds the people of the initiatives they themselves manage; anyone
///   else joins by being added with their e-mail address, as a new person of this initiative;
/// - a person's name, e-mail and phone are theirs once they have an account (they change them on the account
///   page); before that, only someone who manages every initiative the person is in may change them, so a change
///   never reaches an initiative the editor has no say in;
/// - nobody grants a role above their own, changes the role of someone above them, or changes their own role.
/// </summary>
public static class ActorRules
{
    /// <summary>Observer 0, actor 1, working group 2, anchor person 3; site administrators 4.</summary>
    public static int RankOf(InitiativeRole role, bool workingGroup) => role switch
    {
        InitiativeRole.AnchorPerson => 3,
        InitiativeRole.Observer => workingGroup ? 2 : 0,
        _ => workingGroup ? 2 : 1,
    };

    public static int RankOf(Roles roles) =>
        roles.HasFlag(Roles.SiteAdministrator) ? 4
        : roles.HasFlag(Roles.AnchorPerson) ? 3
        : roles.HasFlag(Roles.WorkingGroup) ? 2
        : roles.HasFlag(Roles.Actor) ? 1
        : 0;

    /// <summary>The initiatives whose actors the user manages (anchor person or working group).</summary>
    public static IQueryable<int> ManagedInitiatives(AppDbContext db, string userId) =>
        db.InitiativeMembers.Where(m => m.Person!.UserId == userId && (m.Role == InitiativeRole.AnchorPerson || m.InWorkingGroup)).Select(m => m.InitiativeId);

    /// <summary>People the user may add to an initiative from the list: those of initiatives they manage (all for administrators).</summary>
    public static IQueryable<Person> AddablePeople(AppDbContext db, ClaimsPrincipal user, int initiativeId)
    {
        var candidates = db.People.Where(p => p.AnonymisedAt == null && !db.InitiativeMembers.Any(m => m.InitiativeId == initiativeId && m.PersonId == p.Id));
        if (user.IsInRole(RoleNames.Administrator))
        {
            return candidates;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var managed = ManagedInitiatives(db, userId);
        return candidates.Where(p => db.InitiativeMembers.Any(m => m.PersonId == p.Id && managed.Contains(m.InitiativeId)));
    }

    /// <summary>Whether the user manages every initiative the person is in (administrators always do).</summary>
    public static async Task<bool> ManagesAllInitiativesOfAsync(AppDbContext db, ClaimsPrincipal user, int personId, CancellationToken ct = default)
    {
        if (user.IsInRole(RoleNames.Administrator))
        {
            return true;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var managed = ManagedInitiatives(db, userId);
        return !await db.InitiativeMembers.AnyAsync(m => m.PersonId == personId && !managed.Contains(m.InitiativeId), ct);
    }

    /// <summary>Null when the change of role is allowed, otherwise why not (Danish, for the localizer).</summary>
    public static string? RoleChangeProblem(Roles editor, string? editorUserId, string? memberUserId, InitiativeRole from, bool fromWorkingGroup, InitiativeRole to, bool toWorkingGroup)
    {
        if (from == to && fromWorkingGroup == toWorkingGroup)
        {
            return null;
        }
        if (editorUserId is not null && editorUserId == memberUserId)
        {
            return "Du kan ikke ændre din egen rolle. Bed en anden ankerperson eller en administrator om det.";
        }
        var rank = RankOf(editor);
        if (RankOf(from, fromWorkingGroup) > rank)
        {
            return "Du kan ikke ændre rollen for en, der har en højere rolle end dig.";
        }
        return RankOf(to, toWorkingGroup) > rank ? "Du kan ikke give en højere rolle end din egen." : null;
    }

    /// <summary>The name recorded with a change (never the e-mail address, which would land in others' view).</summary>
    public static string RecorderName(ClaimsPrincipal user) => user.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "Samskab";
}
