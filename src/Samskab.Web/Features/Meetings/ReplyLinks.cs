using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Samskab.Web.Features.Meetings;

/// <summary>
/// The private "answer yes/no/maybe" link in invitations, updates and reminders: the invitation's id, signed and
/// encrypted with the app's Data Protection keys. Nothing that works as a link is stored in the database, and every
/// mail for an invitation carries a link that works.
/// </summary>
public sealed class ReplyLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Samskab.Meetings.Reply.v1");

    public string TokenFor(int invitationId) => _protector.Protect(invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int? InvitationId(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 500)
        {
            return null;
        }
        try
        {
            return int.TryParse(_protector.Unprotect(token), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
