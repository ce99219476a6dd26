using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Taking part without a password: an address is confirmed by a six-digit code or a link (either, once, within an
/// hour), and the device is then remembered. Limits per client address and per e-mail address keep it from being
/// used to send mail to strangers.
/// </summary>
public sealed class ParticipantSignUp(AppDbContext db, TimeProvider clock, MailOutbox outbox, LinkBuilder links, ParticipantSession session,
    IOptions<ParticipationSettings> settings, IStringLocalizer<SharedResource> l)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    public const int MaxAttempts = 5;

    public enum Outcome
    {
        Sent,
        TooManyFromAddress,
        TooManyForEmail,
    }

    public async Task<(Outcome Outcome, string? Handle)> StartAsync(string email, string displayName, bool anonymous, string returnUrl, string? clientAddress, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var address = clientAddress ?? "unknown";
        var fromAddress = await db.ParticipantChallenges.CountAsync(c => c.RequestedFrom == address && c.CreatedAt > now.AddMinutes(-10), ct);
        if (fromAddress >= settings.Value.ConfirmationsPerAddress)
        {
            return (Outcome.TooManyFromAddress, null);
        }
        var normalised = email.Trim().ToLowerInvariant();
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Email == normalised, ct);
        if (participant is not null)
        {
            var forEmail = await db.ParticipantChallenges.CountAsync(c => c.ParticipantId == participant.Id && c.CreatedAt > now.AddHours(-1), ct);
            if (forEmail >= settings.Value.ConfirmationsPerEmail)
            {
                return (Outcome.TooManyForEmail, null);
            }
        }
        else
        {
            participant = new Participant { Email = normalised, CreatedAt = now, Language = language, InviteCode = Participant.NewInviteCode() };
            db.Participants.Add(participant);
        }
        var handle = OneTimeToken.NewToken();
        var code = ParticipantSession.NewCode();
        var link = OneTimeToken.NewToken();
        db.ParticipantChallenges.Add(new ParticipantChallenge
        {
            Handle = handle,
            Participant = participant,
            CodeHash = OneTimeToken.Hash(handle + ":" + code),
            LinkHash = OneTimeToken.Hash(link),
            ReturnUrl = ParticipationPages.SafeReturn(returnUrl),
            DisplayName = displayName,
            Anonymous = anonymous,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            RequestedFrom = address.Length > 64 ? address[..64] : address,
        });
        var (text, html) = MailTemplates.ActionMail(
            string.IsNullOrWhiteSpace(displayName) ? l["Hej"].Value : l["Hej {0}", displayName].Value,
            [
                l["Din kode er {0}. Skriv den på siden, hvor du bad om den – eller brug knappen herunder. Koden og knappen virker i en time og kan bruges én gang.", code].Value,
                l["Har du ikke bedt om denne e-mail, kan du se bort fra den. Ingen kan deltage i dit navn uden koden."].Value,
            ],
            l["Bekræft, at det er dig"].Value, links.Absolute($"/deltag/bekraeft-link/{link}"),
            l["Samskab – samskabelse i den offentlige sektor"].Value);
        outbox.Enqueue(new OutgoingMail(normalised, displayName, l["Din kode til at deltage: {0}", code].Value, text, html, "ParticipantConfirmation"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (participant.Id == 0)
        {
            // The same address signed up in another request a moment ago: retry once with the row it made.
            db.ChangeTracker.Clear();
            return await StartAsync(email, displayName, anonymous, returnUrl, clientAddress, language, ct);
        }
        return (Outcome.Sent, handle);
    }

    public Task<ParticipantChallenge?> FindByHandleAsync(string handle, CancellationToken ct) =>
        db.ParticipantChallenges.Include(c => c.Participant).FirstOrDefaultAsync(c => c.Handle == handle, ct);

    public Task<ParticipantChallenge?> FindByLinkAsync(string token, CancellationToken ct)
    {
        var hash = OneTimeToken.Hash(token);
        return db.ParticipantChallenges.Include(c => c.Participant).FirstOrDefaultAsync(c => c.LinkHash == hash, ct);
    }

    public bool IsUsable(ParticipantChallenge c) =>
        c.UsedAt is null && c.ExpiresAt > clock.GetUtcNow() && c.FailedAttempts < MaxAttempts && c.Participant?.DeletedAt is null;

    /// <summary>Checks a typed code; a wrong one counts, and after five the challenge is spent.</summary>
    public async Task<bool> CheckCodeAsync(ParticipantChallenge challenge, string code, CancellationToken ct)
    {
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        var expected = Convert.FromHexString(challenge.CodeHash);
        var actual = Convert.FromHexString(OneTimeToken.Hash(challenge.Handle + ":" + digits));
        if (digits.Length == 6 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return true;
        }
        await db.ParticipantChallenges.Where(c => c.Id == challenge.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
        challenge.FailedAttempts++;
        return false;
    }

    /// <summary>Uses the challenge (once, even with two clicks at the same moment) and remembers the device.</summary>
    public async Task<bool> ConfirmAsync(ParticipantChallenge challenge, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var used = await db.ParticipantChallenges.Where(c => c.Id == challenge.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (used != 1)
        {
            return false;
        }
        var participant = challenge.Participant!;
        var firstTime = participant.ConfirmedAt is null;
        participant.ConfirmedAt ??= now;
        participant.InviteCode ??= Participant.NewInviteCode();
        // Bring a friend: a citizen who joins for the first time through an invitation credits the one who invited.
        if (session.TakeInvitation() is var (campaignId, code) && firstTime)
        {
            var inviter = await db.Participants.Where(p => p.InviteCode == code && p.DeletedAt == null && p.Id != participant.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (inviter is int by && await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)
                && !await db.ParticipantInvitations.AnyAsync(i => i.CampaignId == campaignId && i.InviteeId == participant.Id, ct))
            {
                db.ParticipantInvitations.Add(new ParticipantInvitation { CampaignId = campaignId, InviterId = by, InviteeId = participant.Id, JoinedAt = now });
            }
        }
        participant.DisplayName = challenge.DisplayName;
        participant.Anonymous = challenge.Anonymous;
        participant.Language = language;
        session.RememberDevice(participant);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
