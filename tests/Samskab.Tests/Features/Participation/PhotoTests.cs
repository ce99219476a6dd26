using System.Buffers.Binary;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetVips;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.Tests.Features.Participation;

/// <summary>The image pipeline through the idea form: what is kept of an upload, and what is refused.</summary>
public class PhotoTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private async Task<(AppClient Client, int Campaign)> WriterAsync(string name)
    {
        var campaign = await factory.CampaignAsync("Fotos " + name);
        var (_, token) = await factory.ParticipantAsync(name);
        return (factory.ParticipantClient(token), campaign);
    }

    private static async Task<HttpResponseMessage> PostWithPhotoAsync(AppClient client, int campaign, string title, byte[] photo, string fileName, string contentType)
    {
        var form = await client.GetAsync($"/indsamlinger/{campaign}/ny-ide");
        var token = form.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Se billedet."), "Input.Text" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "Input.Photo", fileName);
        return await client.Http.PostAsync($"/indsamlinger/{campaign}/ny-ide", content);
    }

    [Fact]
    public async Task Upload_SidewaysPhotoWithGps_IsTurnedUpright_AndStoredWithoutAnyMetadata()
    {
        var original = GivenParticipation.SidewaysJpegWithGps();
        using (var check = Image.NewFromBuffer(original))
        {
            Assert.Equal(6, (int)check.Get("orientation"));
        }
        var (client, campaign) = await WriterAsync("Gps");
        using var _ = client;
        var response = await PostWithPhotoAsync(client, campaign, "Udsigten fra bænken", original, "IMG_0001.JPG", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var key = await factory.WithDbAsync(db => db.Ideas.Where(i => i.Title == "Udsigten fra bænken").Select(i => i.ImageKey).SingleAsync());
        Assert.NotNull(key);
        foreach (var suffix in new[] { "-stor.jpg", "-lille.jpg" })
        {
            var stored = await File.ReadAllBytesAsync(Path.Combine(factory.UploadsDirectory, key + suffix));
            Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, stored.AsSpan().IndexOf(new byte[] { 0xFF, 0xE1 }));
            using var image = Image.NewFromBuffer(stored);
            Assert.Equal((20, 40), (image.Width, image.Height));
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f == "orientation");
        }
        var page = await client.GetAsync(response.Headers.Location!.ToString());
        var src = page.Document.QuerySelector("img.idea-photo")!.GetAttribute("src")!;
        var served = await client.Http.GetAsync(src);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/billeder/..%2F..%2Fappsettings.json")).StatusCode);
    }

    [Fact]
    public async Task Moderator_RemovesThePhoto_WithThePersonalData_AndItsFilesAreGone()
    {
        var (client, campaign) = await WriterAsync("Fjern");
        using var _ = client;
        var response = await PostWithPhotoAsync(client, campaign, "Naboens nummerplade", GivenParticipation.SidewaysJpegWithGps(), "bil.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (idea, key) = await factory.WithDbAsync(async db => await db.Ideas.Where(i => i.Title == "Naboens nummerplade").Select(i => new ValueTuple<int, string?>(i.Id, i.ImageKey)).SingleAsync());
        Assert.NotNull(key);
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).ExecuteUpdateAsync(s => s.SetProperty(i => i.AwaitsModerator, true)));
        using var manager = await factory.SignedInAsync(GivenParticipation.ManagerEmail);
        var queue = await manager.GetAsync($"/indsamlinger/{campaign}/moderering");
        var edited = await manager.SubmitAsync(queue.Document, $"#ide-{idea} form", new Dictionary<string, string>
        {
            ["Decision.Title"] = "Naboens nummerplade",
            ["Decision.Text"] = "Se billedet.",
            ["Decision.Reason"] = "Fotoet viste en nummerplade.",
            ["Decision.RemovePhoto"] = "true",
        }, "Decision.Kind=EditOut");
        Assert.Contains("Persondata fjernet", edited.Text);
        Assert.Null(await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.ImageKey).SingleAsync()));
        Assert.False(File.Exists(Path.Combine(factory.UploadsDirectory, key + "-stor.jpg")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/billeder/{key}-lille.jpg")).StatusCode);
    }

    [Fact]
    public async Task Upload_NotAnImage_OrATinyBomb_IsRefusedInDanish_AndNothingIsKept()
    {
        var (client, campaign) = await WriterAsync("Falsk");
        using var _ = client;
        var before = Directory.Exists(factory.UploadsDirectory) ? Directory.GetFiles(factory.UploadsDirectory).Length : 0;
        var script = await PostWithPhotoAsync(client, campaign, "Ikke et billede", Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "billede.jpg", "image/jpeg");
        var html = await script.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Filen er ikke et billede, vi kan læse.", html);
        Assert.Contains("Ikke et billede", html); // the text typed is kept
        // A PNG header that claims 100,000 × 100,000 pixels is refused from the header, before anything is decoded.
        var bomb = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
        var crc = Crc32(bomb.AsSpan(12, 17));
        BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(29), crc);
        byte[] idat = [0, 0, 0, 8, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32BigEndian(idat.AsSpan(16), Crc32(idat.AsSpan(4, 12)));
        byte[] end = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        var refused = await PostWithPhotoAsync(client, campaign, "Bombe", [.. bomb, .. idat, .. end], "bombe.png", "image/png");
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Billedet har for mange pixels.", System.Net.WebUtility.HtmlDecode(text));
        var after = Directory.Exists(factory.UploadsDirectory) ? Directory.GetFiles(factory.UploadsDirectory).Length : 0;
        Assert.Equal(before, after);
        Assert.False(await factory.WithDbAsync(db => db.Ideas.AnyAsync(i => i.CampaignId == campaign)));
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
