using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Features.Account;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

public static class LocalAreaRegistration
{
    /// <summary>Local areas, their bridge builders and the requests between the community and the municipality.</summary>
    public static IServiceCollection AddLocalAreas(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LocalAreaSettings>(configuration.GetSection("LocalAreas"));
        services.AddScoped<RequestActions>();
        services.AddScoped<AreaDigest>();
        services.AddHostedService<AreaDigestLoop>();
        return services;
    }
}

/// <summary>
/// Everything that happens to a request, each in one transaction with the mails it causes: the other side always hears
/// of it (the community of the municipality's answers, the bridge builders of the community's messages), so an update
/// never stays unread in a system nobody looks at (FixMyStreet #767, #3610).
/// </summary>
public sealed class RequestActions(AppDbContext db, TimeProvider clock, MailOutbox outbox, LinkBuilder links, IOptions<LocalAreaSettings> settings,
    IStringLocalizer<SharedResource> l)
{
    public sealed record Staff(string UserId, string Name);

    public async Task<AreaRequest> SendAsync(LocalArea area, int participantId, string byName, string title, string text, string? onBehalfOf,
        RequestCategory category, string? imageKey, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The area's first bridge builder owns a new request; the others see it too and can take it over.
        var owner = await db.AreaBridgeBuilders.Where(b => b.AreaId == area.Id).OrderBy(b => b.AddedAt).ThenBy(b => b.UserId).Select(b => b.UserId).FirstOrDefaultAsync(ct);
        var request = new AreaRequest
        {
            AreaId = area.Id,
            ParticipantId = participantId,
            Title = title,
            Text = text,
            OnBehalfOf = onBehalfOf,
            Category = category,
            ImageKey = imageKey,
            AnswerDueOn = AreaRules.AnswerDue(today, settings.Value.FirstAnswerWorkingDays),
            OwnerUserId = owner,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AreaRequests.Add(request);
        await db.SaveChangesAsync(ct);
        db.RequestEntries.Add(new RequestEntry { RequestId = request.Id, Kind = RequestEntryKind.Sent, State = RequestState.Received, ByParticipantId = participantId, ByName = byName, At = now });
        await MailStaffAsync(area.Id, null, request, () => l["Ny henvendelse fra {0}: \"{1}\"", area.Name, request.Title].Value,
            () => [l["{0} har sendt en henvendelse til kommunen: \"{1}\".", Sender(Who(byName), onBehalfOf), request.Title].Value,
                l["Kommunen har lovet et første svar senest {0}.", request.AnswerDueOn.ToText("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value], "sent", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return request;
    }

    /// <summary>A new state with its public answer. The caller has checked the answer and what the state needs.</summary>
    public async Task ChangeStateAsync(AreaRequest request, RequestState state, string answer, string? department, string? departmentContact,
        DateOnly? expectedOn, Staff by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.State = state;
        request.LatestAnswer = answer;
        if (state == RequestState.PassedOn)
        {
            request.Department = department;
            request.DepartmentContact = departmentContact;
        }
        if (state == RequestState.Planned)
        {
            request.ExpectedOn = expectedOn;
        }
        request.FirstAnsweredAt ??= now;
        request.ClosedAt = request.IsClosed ? now : null;
        request.UpdatedAt = now;
        var entry = new RequestEntry { RequestId = request.Id, Kind = RequestEntryKind.StateChange, State = state, Text = answer, FromStaff = true, ByUserId = by.UserId, ByName = by.Name, At = now };
        db.RequestEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await MailRequesterAsync(request, () => l["Nyt om din henvendelse \"{0}\"", request.Title].Value,
            () => [l["Din henvendelse \"{0}\" har fået en ny tilstand: {1}.", request.Title, l[AreaRules.State(state)]].Value, l["Svar fra {0}: {1}", by.Name, answer].Value],
            $"state:{entry.Id}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task MessageAsync(AreaRequest request, string text, Staff? staff, int? participantId, string byName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = new RequestEntry
        {
            RequestId = request.Id,
            Kind = RequestEntryKind.Message,
            Text = text,
            FromStaff = staff is not null,
            ByUserId = staff?.UserId,
            ByParticipantId = staff is null ? participantId : null,
            ByName = staff?.Name ?? byName,
            At = now,
        };
        db.RequestEntries.Add(entry);
        request.MessageCount++;
        request.UpdatedAt = now;
        if (staff is not null)
        {
            // A message from the municipality is an answer too.
            request.FirstAnsweredAt ??= now;
        }
        await db.SaveChangesAsync(ct);
        if (staff is not null)
        {
            await MailRequesterAsync(request, () => l["Ny besked om din henvendelse \"{0}\"", request.Title].Value,
                () => [l["{0} har skrevet om din henvendelse \"{1}\":", staff.Name, request.Title].Value, text], $"message:{entry.Id}", ct);
        }
        else
        {
            await MailStaffAsync(request.AreaId, request.OwnerUserId, request, () => l["Ny besked om henvendelsen \"{0}\"", request.Title].Value,
                () => [l["{0} har skrevet om henvendelsen \"{1}\":", Who(byName), request.Title].Value, text], $"message:{entry.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The community reopens a closed request (FixMyStreet #897): it is received again, with a new promised answer
    /// date, and the reason is in the history for everyone.
    /// </summary>
    public async Task ReopenAsync(AreaRequest request, string reason, int participantId, string byName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.State = RequestState.Received;
        request.ClosedAt = null;
        request.FirstAnsweredAt = null;
        request.AnswerDueOn = AreaRules.AnswerDue(clock.Today(), settings.Value.FirstAnswerWorkingDays);
        request.ReopenCount++;
        request.UpdatedAt = now;
        var entry = new RequestEntry { RequestId = request.Id, Kind = RequestEntryKind.Reopened, State = RequestState.Received, Text = reason, ByParticipantId = participantId, ByName = byName, At = now };
        db.RequestEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await MailStaffAsync(request.AreaId, request.OwnerUserId, request, () => l["Henvendelsen \"{0}\" er genåbnet", request.Title].Value,
            () => [l["{0} har genåbnet henvendelsen \"{1}\" med denne begrundelse:", Who(byName), request.Title].Value, reason,
                l["Kommunen har lovet et nyt første svar senest {0}.", request.AnswerDueOn.ToText("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value], $"reopen:{entry.Id}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>One bridge builder hands the request to another of the area's, with a note only staff see.</summary>
    public async Task HandOverAsync(AreaRequest request, string toUserId, string toName, string? note, Staff by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.OwnerUserId = toUserId;
        request.UpdatedAt = now;
        var entry = new RequestEntry
        {
            RequestId = request.Id,
            Kind = RequestEntryKind.HandedOver,
            Text = string.IsNullOrWhiteSpace(note) ? toName : $"{toName}: {note}",
            FromStaff = true,
            StaffOnly = true,
            ByUserId = by.UserId,
            ByName = by.Name,
            At = now,
        };
        db.RequestEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var to = await db.Users.Where(u => u.Id == toUserId).Select(u => new { u.Email, u.DisplayName, u.Language }).SingleAsync(ct);
        if (to.Email is not null)
        {
            using var _ = new CultureScope(to.Language);
            var paragraphs = new List<string> { l["{0} har givet dig henvendelsen \"{1}\".", by.Name, request.Title].Value };
            if (!string.IsNullOrWhiteSpace(note))
            {
                paragraphs.Add(l["Note: {0}", note].Value);
            }
            Queue(to.Email, to.DisplayName, l["Du har fået henvendelsen \"{0}\"", request.Title].Value, paragraphs, request, $"handover:{entry.Id}:{toUserId}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>An anonymous sender is stored without a name and called "the sender" in the reader's language.</summary>
    private string Who(string name) => string.IsNullOrWhiteSpace(name) ? l["Afsenderen"].Value : name;

    public static string Sender(string name, string? onBehalfOf) => string.IsNullOrWhiteSpace(onBehalfOf) ? name : $"{name} ({onBehalfOf})";

    /// <summary>Mails the requester, the texts made in their language.</summary>
    private async Task MailRequesterAsync(AreaRequest request, Func<string> subject, Func<IReadOnlyList<string>> paragraphs, string key, CancellationToken ct)
    {
        var to = await db.Participants.Where(p => p.Id == request.ParticipantId && p.DeletedAt == null && p.Email != null)
            .Select(p => new { p.Email, p.DisplayName, p.Language }).SingleOrDefaultAsync(ct);
        if (to is null)
        {
            return;
        }
        using var _ = new CultureScope(to.Language);
        Queue(to.Email!, to.DisplayName, subject(), paragraphs(), request, $"requester:{key}");
    }

    /// <summary>Mails the owner, or every bridge builder of the area when nobody owns it, each in their language.</summary>
    private async Task MailStaffAsync(int areaId, string? ownerUserId, AreaRequest request, Func<string> subject, Func<IReadOnlyList<string>> paragraphs, string key, CancellationToken ct)
    {
        var staff = await db.AreaBridgeBuilders.Where(b => b.AreaId == areaId && (ownerUserId == null || b.UserId == ownerUserId))
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
        foreach (var s in staff.Where(s => s.Email is not null))
        {
            using var _ = new CultureScope(s.Language);
            Queue(s.Email!, s.DisplayName, subject(), paragraphs(), request, $"staff:{key}:{s.Id}");
        }
    }

    private void Queue(string email, string? name, string subject, IReadOnlyList<string> paragraphs, AreaRequest request, string key)
    {
        var body = paragraphs.Append(l["Svar ved at skrive i henvendelsens tråd på Samskab – svar på denne mail når ikke frem."].Value);
        var (plain, html) = MailTemplates.ActionMail(string.IsNullOrWhiteSpace(name) ? l["Hej"].Value : l["Hej {0}", name].Value, body,
            l["Se henvendelsen"].Value, links.Absolute($"/henvendelser/{request.Id}"), l["Samskab – samskabelse i den offentlige sektor"].Value);
        outbox.Enqueue(new OutgoingMail(email, name, subject, plain, html, "AreaRequest", DedupeKey: $"request:{request.Id}:{key}"));
    }
}
