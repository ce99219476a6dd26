using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Start;

/// <summary>The personal start page: my initiatives, my platforms, and the things waiting for me.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record InitiativeRow(int Id, string Title, IReadOnlyList<string> Roles);
    public sealed record PlatformRow(int Id, string Name, string Initiative, bool IsCoordinator, PlatformStatus Status);
    public sealed record TaskRow(string Text, string Href);

    public enum WaitingKind
    {
        RealityCheck,
        NewsletterEdition,
        NewsletterSection,
        MeetingReply,
        Proposal,
        Agreement,
        NewActor,
    }

    /// <summary>An argument that is itself a resource key (a proposal's kind), put in the reader's language.</summary>
    public sealed record Key(string Text);

    /// <summary>
    /// One thing waiting for this person, with the link straight to where to act. <paramref name="Text"/> and
    /// <paramref name="Link"/> are resource keys with <paramref name="Args"/>; <paramref name="Due"/> orders the list.
    /// </summary>
    public sealed record Waiting(WaitingKind Kind, string Text, object[] Args, string Link, string Href, DateOnly? Due, bool Overdue);

    /// <summary>Everything waiting for me in one list: overdue first, then by date, then the rest.</summary>
    public IReadOnlyList<Waiting> WaitingForMe { get; private set; } = [];

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
        var now = clock.GetUtcNow();
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

        // Reality checks open on my platforms that I have not answered.
        var checks = await db.RealityChecks
            .Where(c => c.ClosedAt == null
                && db.PlatformMembers.Any(m => m.PlatformId == c.PlatformId && m.LeftOn == null && myPersonIds.Contains(m.PersonId))
                && !c.Answers.Any(a => myPersonIds.Contains(a.PersonId)))
            .Select(c => new { c.Id, c.DueBy, Platform = db.Platforms.Where(p => p.Id == c.PlatformId).Select(p => p.Name).First() })
            .ToListAsync(ct);
        // The anchor person's editions in progress, with the sections still missing.
        var editions = await db.Newsletters
            .Where(n => anchorOf.Contains(n.InitiativeId) && n.Status == Newsletters.EditionStatus.Draft)
            .Select(n => new { n.Id, n.Title, Missing = n.Sections.Count(x => x.Status != Newsletters.SectionStatus.Ready) })
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(now.ToDanish().DateTime);
        var waiting = new List<Waiting>();
        waiting.AddRange(checks.Select(c => new Waiting(WaitingKind.RealityCheck, "Realitetstjek på {0} venter på dit svar.", [c.Platform], "Svar på realitetstjekket",
            $"/realitetstjek/{c.Id}", c.DueBy, c.DueBy < today)));
        waiting.AddRange(editions.Where(e => e.Missing > 0).Select(e => new Waiting(WaitingKind.NewsletterEdition, "{0}: {1} platforme mangler deres afsnit.", [e.Title, e.Missing],
            "Se, hvem der mangler", $"/nyhedsbreve/{e.Id}", null, false)));
        waiting.AddRange(SectionsToWrite.Select(x => new Waiting(WaitingKind.NewsletterSection, "{0} mangler sit afsnit til {1}.", [x.Platform, x.Edition], "Skriv afsnittet",
            $"/nyhedsbreve/{x.NewsletterId}/afsnit/{x.SectionId}", null, false)));
        waiting.AddRange(MyMeetings.Where(m => m.Reply == Meetings.Reply.None && m.StartsAt > now).Select(m => new Waiting(WaitingKind.MeetingReply, "Kommer du til {0} {1}?",
            [m.Title, m.StartsAt.ToDanish().ToText("d. MMMM", System.Globalization.CultureInfo.CurrentCulture)], "Svar på invitationen", $"/moeder/{m.Id}",
            DateOnly.FromDateTime(m.StartsAt.ToDanish().DateTime), false)));
        waiting.AddRange(ProposalsAwaitingMe.Select(p => new Waiting(WaitingKind.Proposal, "{0} foreslår på {1}: {2}.", [p.ProposedBy, p.Platform, new Key(PlatformText.Kind(p.Kind))],
            "Svar på forslaget", $"/platforme/{p.PlatformId}#forslag-{p.ProposalId}", null, false)));
        waiting.AddRange(MyAgreements.Select(a => new Waiting(WaitingKind.Agreement, a.Platform is null ? "Aftale: {0}" : "Aftale: {0} ({1})", [a.Text, a.Platform ?? ""],
            "Se aftalen", a.MeetingId is int mid ? $"/moeder/{mid}#aftaler" : "/start", a.Deadline, a.Deadline < today)));
        waiting.AddRange(NewActorsToIntroduce.Select(n => new Waiting(WaitingKind.NewActor, "{0} er ny og mangler formøde.", [n.Name], "Registrér formødet",
            $"/initiativer/{n.InitiativeId}/aktoerer/{n.MemberId}", null, false)));
        WaitingForMe = waiting.OrderByDescending(w => w.Overdue).ThenBy(w => w.Due is null).ThenBy(w => w.Due).ToList();
    }
}
