using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Start;

/// <summary>The personal start page: my initiatives, my platforms, and the things waiting for me.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record InitiativeRow(int Id, string Title, IReadOnlyList<string> Roles);
    public sealed record PlatformRow(int Id, string Name, string Initiative, bool IsCoordinator, PlatformStatus Status);
    public sealed record TaskRow(string Text, string Href);

    public string Name { get; private set; } = "";
    public IReadOnlyList<InitiativeRow> Initiatives { get; private set; } = [];
    public IReadOnlyList<PlatformRow> Platforms { get; private set; } = [];
    public IReadOnlyList<(int ProposalId, int PlatformId, string Platform, ProposalKind Kind, string ProposedBy)> ProposalsAwaitingMe { get; private set; } = [];
    public IReadOnlyList<(int InitiativeId, int MemberId, string Name)> NewActorsToIntroduce { get; private set; } = [];
    public IReadOnlyList<(int Id, string Text, DateOnly? Deadline, int? MeetingId, string? Platform)> MyAgreements { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, DateTimeOffset StartsAt, Meetings.Reply Reply)> MyMeetings { get; private set; } = [];
    public IReadOnlyList<(int NewsletterId, int SectionId, string Platform, string Edition)> SectionsToWrite { get; private set; } = [];

    public static string RoleText(InitiativeRole role) => role switch
    {
        InitiativeRole.AnchorPerson => "Ankerperson",
        InitiativeRole.Observer => "Observatør",
        _ => "Aktør",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Name = User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? "";
        var memberships = await db.InitiativeMembers
            .Where(m => m.Person!.UserId == userId)
            .Select(m => new { m.InitiativeId, m.Initiative!.Title, m.Role, m.InWorkingGroup })
            .ToListAsync(ct);
        Initiatives = memberships
            .Select(m => new InitiativeRow(m.InitiativeId, m.Title, m.InWorkingGroup ? [RoleText(m.Role), "Arbejdsgruppe"] : [RoleText(m.Role)]))
            .OrderBy(i => i.Title, StringComparer.CurrentCulture)
            .ToList();
        Platforms = await db.PlatformMembers
            .Where(m => m.Person!.UserId == userId && m.LeftOn == null)
            .OrderBy(m => m.Platform!.Name)
            .Select(m => new PlatformRow(m.PlatformId, m.Platform!.Name, m.Platform.Initiative!.Title, m.IsCoordinator, m.Platform.Status))
            .ToListAsync(ct);

        var myPersonIds = await db.People.Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(ct);
        var proposals = await db.ChangeProposals
            .Where(p => p.Status == ProposalStatus.Open
                && db.PlatformMembers.Any(m => m.PlatformId == p.PlatformId && m.LeftOn == null && myPersonIds.Contains(m.PersonId))
                && !p.Responses.Any(r => myPersonIds.Contains(r.PersonId)))
            .OrderBy(p => p.ProposedAt)
            .Select(p => new { p.Id, p.PlatformId, Platform = p.Platform!.Name, p.Kind, ProposedBy = p.ProposedBy!.Name })
            .ToListAsync(ct);
        ProposalsAwaitingMe = proposals.Select(p => (p.Id, p.PlatformId, p.Platform, p.Kind, p.ProposedBy)).ToList();

        var anchorOf = memberships.Where(m => m.Role == InitiativeRole.AnchorPerson).Select(m => m.InitiativeId).ToList();
        var newcomers = await db.InitiativeMembers
            .Where(m => anchorOf.Contains(m.InitiativeId) && m.Role == InitiativeRole.Actor && m.PreMeetingOn == null)
            .OrderBy(m => m.Person!.Name)
            .Select(m => new { m.InitiativeId, m.Id, m.Person!.Name })
            .ToListAsync(ct);
        NewActorsToIntroduce = newcomers.Select(n => (n.InitiativeId, n.Id, n.Name)).ToList();

        var agreements = await db.Agreements.Where(a => myPersonIds.Contains(a.OwnerPersonId) && a.DoneAt == null)
            .OrderBy(a => a.Deadline == null).ThenBy(a => a.Deadline)
            .Select(a => new { a.Id, a.Text, a.Deadline, a.MeetingId, Platform = db.Platforms.Where(p => p.Id == a.PlatformId).Select(p => p.Name).FirstOrDefault() })
            .Take(50).ToListAsync(ct);
        MyAgreements = agreements.Select(a => (a.Id, a.Text, a.Deadline, a.MeetingId, a.Platform)).ToList();
        var now = DateTimeOffset.UtcNow;
        var meetings = await db.Invitations.Where(i => myPersonIds.Contains(i.PersonId) && i.Meeting!.EndsAt >= now && i.Meeting.CancelledAt == null)
            .OrderBy(i => i.Meeting!.StartsAt)
            .Select(i => new { i.MeetingId, i.Meeting!.Title, i.Meeting.StartsAt, i.Reply })
            .Take(10).ToListAsync(ct);
        MyMeetings = meetings.Select(m => (m.MeetingId, m.Title, m.StartsAt, m.Reply)).ToList();

        // Newsletter sections of my platforms that are not ready yet, while the edition is open.
        var sections = await db.NewsletterSections
            .Where(s => s.Status != Newsletters.SectionStatus.Ready
                && db.Newsletters.Any(n => n.Id == s.NewsletterId && n.Status == Newsletters.EditionStatus.Draft)
                && db.PlatformMembers.Any(m => m.PlatformId == s.PlatformId && m.LeftOn == null && myPersonIds.Contains(m.PersonId)))
            .Select(s => new { s.NewsletterId, s.Id, Platform = db.Platforms.Where(p => p.Id == s.PlatformId).Select(p => p.Name).First(), Edition = db.Newsletters.Where(n => n.Id == s.NewsletterId).Select(n => n.Title).First() })
            .ToListAsync(ct);
        SectionsToWrite = sections.Select(s => (s.NewsletterId, s.Id, s.Platform, s.Edition)).ToList();
    }
}
