using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Account.Manage;

public class TokensModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv, hvad nøglen skal bruges til.")]
        [StringLength(100, ErrorMessage = "Navnet må højst være 100 tegn.")]
        public string Name { get; set; } = "";

        [Range(1, 365, ErrorMessage = "Vælg mellem 1 og 365 dage.")]
        public int ExpiresInDays { get; set; } = 90;
    }

    public sealed record Row(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public DateTimeOffset Now { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var active = await db.PersonalAccessTokens.CountAsync(t => t.UserId == UserId && t.RevokedAt == null, cancellationToken: ct);
        if (active >= 20)
        {
            ModelState.AddModelError("Input.Name", l["Du kan højst have 20 aktive adgangsnøgler. Tilbagekald en, du ikke bruger."]);
            await LoadAsync();
            return Page();
        }
        var token = PersonalAccessTokenHandler.TokenPrefix + OneTimeToken.Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = UserId,
            Name = Input.Name.Trim(),
            Prefix = token[..10],
            TokenHash = OneTimeToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(Input.ExpiresInDays),
        });
        await db.SaveChangesAsync(ct);
        NewToken = token;
        Input = new InputModel();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var now = clock.GetUtcNow();
        var changed = await db.PersonalAccessTokens
            .Where(t => t.Id == id && t.UserId == UserId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
        if (changed == 0)
        {
            return NotFound();
        }
        TempData["Success"] = l["Adgangsnøglen er tilbagekaldt."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow();
        Tokens = await db.PersonalAccessTokens
            .Where(t => t.UserId == UserId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();
    }
}
