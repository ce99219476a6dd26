using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Xunit;

namespace Samskab.Tests.Infrastructure;

/// <summary>Builders for citizens' campaigns, participants and ideas.</summary>
public static partial class GivenParticipation
{
    public const string ManagerEmail = "indsamling@demo.samskab.dk";

    /// <summary>A campaign of its own, managed by the demo campaign manager, open today unless told otherwise.</summary>
    public static Task<int> CampaignAsync(this SamskabFactory factory, string theme, ModerationMode moderation = ModerationMode.AfterPublication,
        int opensInDays = -5, int closesInDays = 30, int? initiativeId = null, int reportThreshold = 3,
        CampaignType type = CampaignType.IdeaBoard, int? voteOpensInDays = null, int? voteClosesInDays = null) =>
        factory.WithDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Email == ManagerEmail);
            var today = DateOnly.FromDateTime(Samskab.Web.Infrastructure.Web.DanishTime.ToDanish(DateTimeOffset.UtcNow).DateTime);
            var campaign = new Campaign
            {
                Type = type,
                VoteOpensOn = voteOpensInDays is int vo ? today.AddDays(vo) : null,
                VoteClosesOn = voteClosesInDays is int vc ? today.AddDays(vc) : null,
                Theme = theme,
                Question = "Hvad vil du?",
                OrganisationName = "Testby Kommune",
                OpensOn = today.AddDays(opensInDays),
                ClosesOn = today.AddDays(closesInDays),
                Moderation = moderation,
                InitiativeId = initiativeId,
                ReportThreshold = reportThreshold,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            campaign.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = DateTimeOffset.UtcNow });
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>A confirmed participant with a remembered device; returns its id and the device token (the cookie's value).</summary>
    public static Task<(int Id, string Token)> ParticipantAsync(this SamskabFactory factory, string name, string? email = null) =>
        factory.WithDbAsync(async db =>
        {
            var participant = new Participant
            {
                Email = email ?? $"{Guid.NewGuid():N}@borger.dk",
                DisplayName = name,
                CreatedAt = DateTimeOffset.UtcNow,
                ConfirmedAt = DateTimeOffset.UtcNow,
                InviteCode = Participant.NewInviteCode(),
            };
            var token = OneTimeToken.NewToken();
            db.ParticipantDevices.Add(new ParticipantDevice { Participant = participant, TokenHash = OneTimeToken.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (participant.Id, token);
        });

    /// <summary>A browser that the participant's device cookie identifies.</summary>
    public static AppClient ParticipantClient(this SamskabFactory factory, string token)
    {
        var client = factory.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", $"{ParticipantSession.CookieName}={token}");
        return client;
    }

    /// <summary>An idea posted through the same code as the page (counters and the author's follow included).</summary>
    public static async Task<int> IdeaAsync(this SamskabFactory factory, int campaignId, int participantId, string title, string text = "En beskrivelse.", int? buildsOn = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = scope.ServiceProvider.GetRequiredService<IdeaActions>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var parent = buildsOn is int p ? await db.Ideas.SingleAsync(i => i.Id == p) : null;
        var idea = await actions.PostAsync(campaign, participantId, title, text, null, null, parent);
        return idea.Id;
    }

    /// <summary>Joins through the real pages: name and address, then the six-digit code from the mail.</summary>
    public static async Task<AppClient> JoinAsync(this SamskabFactory factory, string email, string name, string returnUrl = "/deltag") =>
        await factory.JoinWithAsync(factory.CreateAppClient(), email, name, returnUrl);

    public static async Task<AppClient> JoinWithAsync(this SamskabFactory factory, AppClient client, string email, string name, string returnUrl = "/deltag")
    {
        var form = await client.GetAsync("/deltag/tilmeld?tilbage=" + Uri.EscapeDataString(returnUrl));
        var sent = await client.SubmitAsync(form.Document, "main form", new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.Email"] = email });
        Assert.Contains("Skriv koden fra mailen", sent.Text);
        var code = await CodeAsync(factory, email);
        var done = await client.SubmitAsync(sent.Document, "main form", new Dictionary<string, string> { ["Code"] = code });
        Assert.Contains("Din e-mail er bekræftet", done.Text);
        return client;
    }

    public static async Task<string> CodeAsync(this SamskabFactory factory, string email)
    {
        var mails = await factory.ToAsync(email.ToLowerInvariant());
        Assert.NotEmpty(mails);
        return CodePattern().Match(mails[^1].Subject).Value;
    }

    /// <summary>A JPEG from a camera held sideways, with its position: EXIF orientation 6 (turn 90° clockwise) and a GPS block.</summary>
    public static byte[] SidewaysJpegWithGps()
    {
        using var black = Image.Black(40, 20);
        using var grey = black + 128;
        using var image = grey.Cast(Enums.BandFormat.Uchar);
        using var colour = image.Bandjoin([image, image]).Copy(interpretation: Enums.Interpretation.Srgb);
        var plain = colour.JpegsaveBuffer(keep: Enums.ForeignKeep.None);
        var tiff = new byte[8 + 30 + 18];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        var ifd0 = tiff.AsSpan(8);
        BinaryPrimitives.WriteUInt16LittleEndian(ifd0, 2);
        Entry(ifd0[2..], 0x0112, 3, 1, 6); // Orientation: 6
        Entry(ifd0[14..], 0x8825, 4, 1, 38); // GPS IFD at offset 38
        var gps = tiff.AsSpan(38);
        BinaryPrimitives.WriteUInt16LittleEndian(gps, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(gps[2..], 0x0001); // GPSLatitudeRef
        BinaryPrimitives.WriteUInt16LittleEndian(gps[4..], 2); // ASCII
        BinaryPrimitives.WriteUInt32LittleEndian(gps[6..], 2);
        gps[10] = (byte)'N';
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)(length & 0xFF));
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. plain[..2], .. app1, .. plain[2..]];

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
        }
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
