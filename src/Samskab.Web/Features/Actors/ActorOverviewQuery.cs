using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Actors;

/// <summary>
/// The actor overview's rows, shared by the page, its exports and the API. Contact details are included only for
/// people who consented to share them: the rule lives here, not in each caller.
/// </summary>
public static class ActorOverviewQuery
{
    public sealed record Row(int MemberId, int PersonId, string Name, string? Title, string? Organisation, OrganisationType? Type, InitiativeRole Role, bool InWorkingGroup,
        IReadOnlyList<string> Platforms, string? Interest, Influence? Influence, Stance? Stance, Necessity? Necessity, Involvement? Involvement, bool SharesContact, string? Email, string? Phone);

    /// <summary>
    /// Stakeholder assessments (interest, influence, stance, necessity, planned involvement) are the working group's
    /// tool; without <paramref name="withAssessments"/> they are left out, also of exports and the API.
    /// </summary>
    public static async Task<List<Row>> RowsAsync(AppDbContext db, int initiativeId, bool withAssessments, CancellationToken ct)
    {
        var rows = await db.InitiativeMembers.Where(m => m.InitiativeId == initiativeId)
            .Select(m => new
            {
                m.Id,
                m.PersonId,
                m.Person!.Name,
                m.Person.Title,
                Organisation = m.Person.Organisation!.Name,
                Type = (OrganisationType?)m.Person.Organisation.Type,
                m.Role,
                m.InWorkingGroup,
                Platforms = db.PlatformMembers.Where(pm => pm.PersonId == m.PersonId && pm.LeftOn == null && pm.Platform!.InitiativeId == initiativeId).Select(pm => pm.Platform!.Name).ToList(),
                m.Interest,
                m.Influence,
                m.Stance,
                m.Necessity,
                m.PlannedInvolvement,
                m.SharesContactDetails,
                m.Person.Email,
                m.Person.Phone,
            })
            .ToListAsync(ct);
        var danish = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), true);
        return rows.OrderBy(r => r.Name, danish)
            .Select(r => withAssessments
                ? new Row(r.Id, r.PersonId, r.Name, r.Title, r.Organisation, r.Type, r.Role, r.InWorkingGroup, r.Platforms, r.Interest, r.Influence, r.Stance,
                    r.Necessity, r.PlannedInvolvement, r.SharesContactDetails, r.SharesContactDetails ? r.Email : null, r.SharesContactDetails ? r.Phone : null)
                : new Row(r.Id, r.PersonId, r.Name, r.Title, r.Organisation, r.Type, r.Role, r.InWorkingGroup, r.Platforms, null, null, null,
                    null, null, r.SharesContactDetails, r.SharesContactDetails ? r.Email : null, r.SharesContactDetails ? r.Phone : null))
            .ToList();
    }
}
