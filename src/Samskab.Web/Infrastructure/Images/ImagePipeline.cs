using System.Security.Cryptography;
using NetVips;

namespace Samskab.Web.Infrastructure.Images;

/// <summary>Where uploaded files live. A folder by default; an S3-compatible store would be a second implementation.</summary>
public interface IFileStorage
{
    Task SaveAsync(string name, byte[] content, CancellationToken ct = default);
    Task<byte[]?> ReadAsync(string name, CancellationToken ct = default);
    Task DeleteAsync(string name, CancellationToken ct = default);
}

public sealed class FolderFileStorage(IConfiguration configuration, IWebHostEnvironment environment) : IFileStorage
{
    private string Root
    {
        get
        {
            var configured = configuration["Uploads:Directory"] ?? "data/uploads";
            var root = Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
            Directory.CreateDirectory(root);
            return root;
        }
    }

    private string PathOf(string name)
    {
        // Names are made by the pipeline (hex and a suffix); anything else never reaches the disk.
        if (name.Length is 0 or > 80 || !name.All(c => char.IsAsciiHexDigitLower(c) || c is '-' or '.' || char.IsAsciiLetterLower(c)) || name.Contains(".."))
        {
            throw new ArgumentException("Invalid file name", nameof(name));
        }
        return Path.Combine(Root, name);
    }

    public async Task SaveAsync(string name, byte[] content, CancellationToken ct = default)
    {
        var path = PathOf(name);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, ct);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }
}

public sealed record ImageResult(string? Key, string? Problem)
{
    public static ImageResult Refused(string problem) => new(null, problem);
}

/// <summary>
/// The one way an uploaded image enters Samskab: recognised by its bytes (JPEG, PNG, WebP, HEIC), its size and pixel
/// count checked from the header before anything is decoded, turned upright by its EXIF orientation, and saved again
/// as JPEG without any metadata (no EXIF, no GPS, no camera serial) in a display size and a thumbnail. libvips runs
/// with its untrusted loaders blocked. Problems are Danish resource keys; nothing is kept from a failed upload.
/// </summary>
public sealed class ImagePipeline(IFileStorage storage, ILogger<ImagePipeline> logger)
{
    public const long MaxBytes = 15 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int DisplaySize = 1600;
    public const int ThumbnailSize = 480;

    static ImagePipeline()
    {
        NetVips.NetVips.BlockUntrusted = true;
        // Uploads are decoded one at a time per request; libvips' own cache only holds memory here.
        Cache.Max = 0;
    }

    public static string DisplayName(string key) => key + "-stor.jpg";
    public static string ThumbnailName(string key) => key + "-lille.jpg";

    public static string? Format(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "webp";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(b[8..12]);
            if (brand is "heic" or "heix" or "mif1" or "msf1" or "heim" or "heis") return "heif";
        }
        return null;
    }

    public async Task<ImageResult> StoreAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0)
        {
            return ImageResult.Refused("Billedfilen er tom.");
        }
        if (file.Length > MaxBytes)
        {
            return ImageResult.Refused("Billedet er for stort. Det må højst fylde 15 MB.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await StoreAsync(buffer.ToArray(), ct);
    }

    /// <summary>The same for bytes already in memory (the demo's photos, made by code).</summary>
    public async Task<ImageResult> StoreAsync(byte[] bytes, CancellationToken ct = default)
    {
        var format = Format(bytes);
        if (format is null)
        {
            return ImageResult.Refused("Filen er ikke et billede, vi kan læse. Brug JPEG, PNG, WebP eller HEIC.");
        }
        byte[] display, thumbnail;
        try
        {
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var loader = header.Get("vips-loader") as string ?? "";
            if (!loader.StartsWith(format == "heif" ? "heif" : format, StringComparison.Ordinal))
            {
                return ImageResult.Refused("Filen er ikke et billede, vi kan læse. Brug JPEG, PNG, WebP eller HEIC.");
            }
            if ((long)header.Width * header.Height > MaxPixels)
            {
                return ImageResult.Refused("Billedet har for mange pixels. Det må højst være 40 megapixel.");
            }
            display = Resize(bytes, DisplaySize);
            thumbnail = Resize(bytes, ThumbnailSize);
        }
        catch (VipsException e)
        {
            logger.LogInformation(e, "An uploaded image could not be read ({Format}, {Bytes} bytes)", format, bytes.Length);
            return ImageResult.Refused("Billedet kunne ikke læses. Det er måske beskadiget – prøv et andet.");
        }
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        try
        {
            await storage.SaveAsync(DisplayName(key), display, ct);
            await storage.SaveAsync(ThumbnailName(key), thumbnail, ct);
        }
        catch
        {
            await storage.DeleteAsync(DisplayName(key), CancellationToken.None);
            await storage.DeleteAsync(ThumbnailName(key), CancellationToken.None);
            throw;
        }
        return new ImageResult(key, null);
    }

    private static byte[] Resize(byte[] bytes, int size)
    {
        // Thumbnail turns the image upright by its EXIF orientation (and shrinks on load); the JPEG is written with
        // no metadata at all.
        using var image = Image.ThumbnailBuffer(bytes, size, height: size, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
        using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image;
        using var srgb = flat.Interpretation == Enums.Interpretation.Srgb ? flat.Copy() : flat.Colourspace(Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        Task.WhenAll(storage.DeleteAsync(DisplayName(key), ct), storage.DeleteAsync(ThumbnailName(key), ct));
}

public static class ImageEndpoints
{
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        services.AddSingleton<IFileStorage, FolderFileStorage>();
        services.AddSingleton<ImagePipeline>();
        return services;
    }

    /// <summary>Stored images by their random key; the key is the only way to one, and it never changes.</summary>
    public static void MapImages(this IEndpointRouteBuilder app) =>
        app.MapGet("/billeder/{name}", async (string name, IFileStorage storage, HttpContext context, CancellationToken ct) =>
        {
            if (name.Length != 32 + 9 && name.Length != 32 + 10 || !(name.EndsWith("-stor.jpg", StringComparison.Ordinal) || name.EndsWith("-lille.jpg", StringComparison.Ordinal))
                || !name[..32].All(char.IsAsciiHexDigitLower))
            {
                return Results.NotFound();
            }
            var bytes = await storage.ReadAsync(name, ct);
            if (bytes is null)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(bytes, "image/jpeg");
        });
}
