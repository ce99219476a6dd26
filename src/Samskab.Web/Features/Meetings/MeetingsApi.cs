using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Meetings;

/// <summary>/api/v1 resources for meetings. Calendars subscribe to the iCal feeds at /kalender/{token}.ics instead.</summary>
public static class MeetingsApi
{
    public sealed record MeetingSummary(int Id, string Title, string Type, int? PlatformId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? OnlineUrl,
        string? Host, bool Cancelled, int Yes, int No, int Maybe, int NotAnswered);
    public sealed record AgendaDto(int Order, string Title, string? Responsible, string? Minutes);
    public sealed record ReplyDto(int PersonId, string Name, string Reply, bool? Attended);
    public sealed record AgreementDto(int Id, string Text, string Owner, DateOnly? Deadline, DateTimeOffset? DoneAt);
    public sealed record MeetingDetail(MeetingSummary Meeting, string CalendarUid, int Sequence, IReadOnlyList<AgendaDto> Agenda, IReadOnlyList<ReplyDto> Replies,
        IReadOnlyList<string> Decisions, IReadOnlyList<AgreementDto> Agreements);

    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/initiatives/{id:int}/meetings", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            if (!await db.Initiatives.AnyAsync(i => i.Id == id)) return Results.NotFound();
            if (!(await auth.AuthorizeAsync(user, AccessScope.ForInitiative(id), Operation.ViewInitiative)).Succeeded) return Results.Forbid();
            return Results.Ok(await Summaries(db.Meetings.Where(m => m.InitiativeId == id).OrderBy(m => m.StartsAt)).ToListAsync());
        }).WithName("ListMeetings").Produces<List<MeetingSummary>>();

        api.MapGet("/meetings/{id:int}", async (int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService auth) =>
        {
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
            if (meeting is null) return Results.NotFound();
            var scope = AccessScope.ForMeeting(meeting.InitiativeId, meeting.PlatformId, id);
            if (!(await auth.AuthorizeAsync(user, scope, Operation.ViewInitiative)).Succeeded && !(await auth.AuthorizeAsync(user, scope, Operation.ContributeToMeeting)).Succeeded) return Results.Forbid();
            var summary = await Summaries(db.Meetings.Where(m => m.Id == id)).SingleAsync();
            var agenda = await db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => new AgendaDto(a.Order, a.Title, a.ResponsiblePerson!.Name, a.Minutes)).ToListAsync();
            var replies = await db.Invitations.Where(i => i.MeetingId == id).OrderBy(i => i.Person!.Name).Select(i => new ReplyDto(i.PersonId, i.Person!.Name, i.Reply.ToString(), i.Attended)).ToListAsync();
            var decisions = await db.Decisions.Where(d => d.MeetingId == id).OrderBy(d => d.Id).Select(d => d.Text).ToListAsync();
            var agreements = await db.Agreements.Where(a => a.MeetingId == id).OrderBy(a => a.Id).Select(a => new AgreementDto(a.Id, a.Text, a.OwnerPerson!.Name, a.Deadline, a.DoneAt)).ToListAsync();
            return Results.Ok(new MeetingDetail(summary, meeting.CalendarUid, meeting.Sequence, agenda, replies, decisions, agreements));
        }).WithName("GetMeeting").Produces<MeetingDetail>();
    }

    private static IQueryable<MeetingSummary> Summaries(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingSummary(m.Id, m.Title, m.Type.ToString(), m.PlatformId, m.StartsAt, m.EndsAt, m.Location, m.OnlineUrl, m.HostOrganisation!.Name, m.CancelledAt != null,
            m.Invitations.Count(i => i.Reply == Reply.Yes), m.Invitations.Count(i => i.Reply == Reply.No), m.Invitations.Count(i => i.Reply == Reply.Maybe), m.Invitations.Count(i => i.Reply == Reply.None)));
}
