using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

/// <summary>"Download my data" (GDPR art. 15 and 20): a readable page, and the same as machine-readable JSON.</summary>
public class MyDataModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public MyData.Export Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Data = await MyData.ForAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var export = await MyData.ForAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"samskab-mine-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }
}
