using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.Account;

public enum TokenCheck
{
    Valid,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>
/// The account e-mails that carry one-time links (sign-in link, invitation, e-mail confirmation and change), and the
/// checks on those links when they come back.
/// </summary>
public sealed class AccountMail(AppDbContext db, MailOutbox outbox, LinkBuilder links, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public static readonly TimeSpan SignInLinkLifetime = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(2);

    /// <summary>Creates a token and the mail that carries it; the caller saves both in one go.</summary>
    public string Issue(AppUser user, OneTimeTokenPurpose purpose, string? payload = null)
    {
        var token = OneTimeToken.NewToken();
        var now = clock.GetUtcNow();
        var lifetime = purpose switch
        {
            OneTimeTokenPurpose.SignInLink => SignInLinkLifetime,
            OneTimeTokenPurpose.Invitation => InvitationLifetime,
            _ => ConfirmationLifetime,
        };
        db.OneTimeTokens.Add(new OneTimeToken
        {
            TokenHash = OneTimeToken.Hash(token),
            Purpose = purpose,
            UserId = user.Id,
            Payload = payload,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });

        using var _ = new CultureScope(user.Language);
        var (subject, intro, button, path) = purpose switch
        {
            OneTimeTokenPurpose.SignInLink => (l["Dit login-link til Samskab"].Value,
                l["Brug knappen herunder for at logge ind på Samskab. Linket virker i {0} minutter og kan bruges én gang.", (int)SignInLinkLifetime.TotalMinutes].Value,
                l["Log ind på Samskab"].Value, $"/konto/login-link/{token}"),
            OneTimeTokenPurpose.Invitation => (l["Du er inviteret til Samskab"].Value,
                l["Du er inviteret til at bruge Samskab, hvor I samskaber om en fælles udfordring. Brug knappen herunder for at tage imod invitationen. Linket virker i {0} dage.", (int)InvitationLifetime.TotalDays].Value,
                l["Tag imod invitationen"].Value, $"/konto/invitation/{token}"),
            OneTimeTokenPurpose.EmailChange => (l["Bekræft din nye e-mailadresse"].Value,
                l["Brug knappen herunder for at bekræfte, at Samskab skal bruge denne e-mailadresse fremover."].Value,
                l["Bekræft e-mailadressen"].Value, $"/konto/bekraeft/{token}"),
            _ => (l["Bekræft din e-mailadresse"].Value,
                l["Tak fordi du har oprettet en konto på Samskab. Brug knappen herunder for at bekræfte din e-mailadresse."].Value,
                l["Bekræft e-mailadressen"].Value, $"/konto/bekraeft/{token}"),
        };
        var url = links.Absolute(path);
        var (text, html) = MailTemplates.ActionMail(
            l["Hej {0}", string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName].Value,
            [intro, l["Har du ikke bedt om denne e-mail, kan du se bort fra den."].Value],
            button, url,
            l["Samskab – samskabelse i den offentlige sektor"].Value);
        outbox.Enqueue(new OutgoingMail(
            purpose == OneTimeTokenPurpose.EmailChange ? payload! : user.Email!,
            user.DisplayName, subject, text, html, Category: purpose.ToString()));
        return token;
    }

    /// <summary>A mail to an address that already has an account, sent instead of a second registration.</summary>
    public void AccountExists(AppUser user)
    {
        using var _ = new CultureScope(user.Language);
        var url = links.Absolute("/konto/login-link");
        var (text, html) = MailTemplates.ActionMail(
            l["Hej {0}", user.DisplayName].Value,
            [l["Nogen (måske dig) forsøgte at oprette en konto på Samskab med denne e-mailadresse. Du har allerede en konto."].Value,
             l["Har du glemt din adgangskode, kan du få et login-link på e-mail."].Value],
            l["Få et login-link"].Value, url,
            l["Samskab – samskabelse i den offentlige sektor"].Value);
        outbox.Enqueue(new OutgoingMail(user.Email!, user.DisplayName, l["Du har allerede en konto på Samskab"].Value, text, html, "AccountExists"));
    }

    /// <summary>The answer to a sign-in link asked for an address that has no account.</summary>
    public void NoAccount(string email)
    {
        var url = links.Absolute("/konto/opret");
        var (text, html) = MailTemplates.ActionMail(
            l["Hej"].Value,
            [l["Nogen (måske dig) bad om et login-link til Samskab for denne e-mailadresse, men der findes ingen konto med den."].Value,
             l["Er du inviteret med en anden adresse, så brug den. Ellers kan du oprette en konto."].Value],
            l["Opret en konto"].Value, url,
            l["Samskab – samskabelse i den offentlige sektor"].Value);
        outbox.Enqueue(new OutgoingMail(email, "", l["Login-link til Samskab"].Value, text, html, "NoAccount"));
    }

    public async Task<(TokenCheck Result, OneTimeToken? Token)> CheckAsync(string? token, OneTimeTokenPurpose purpose, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (TokenCheck.Unknown, null);
        }
        var hash = OneTimeToken.Hash(token);
        var found = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        if (found is null)
        {
            return (TokenCheck.Unknown, null);
        }
        if (found.UsedAt is not null)
        {
            return (TokenCheck.AlreadyUsed, found);
        }
        return found.ExpiresAt <= clock.GetUtcNow() ? (TokenCheck.Expired, found) : (TokenCheck.Valid, found);
    }

    /// <summary>
    /// Marks a token used with a compare-and-set, so two clicks on the same link cannot both succeed.
    /// </summary>
    public async Task<bool> ConsumeAsync(OneTimeToken token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OneTimeTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return changed == 1;
    }
}

/// <summary>Renders text in a given language for the length of a using block (mails go out in the recipient's language).</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string? language)
    {
        var culture = language == "en" ? new CultureInfo("en-GB") : new CultureInfo("da-DK");
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
