using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Xunit;

namespace Samskab.Tests.Features.Admin;

/// <summary>Searching is case-insensitive with Danish letters on both databases (SQLite's own UPPER() knows only ASCII).</summary>
public class DanishSearchTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task UserSearch_InLowerCase_FindsNamesWithÆØÅ()
    {
        using var admin = await factory.SignedInAsync("admin@demo.samskab.dk");
        var page = await admin.GetAsync("/admin/brugere?q=" + Uri.EscapeDataString("aktør"));
        Assert.Contains("Aisha Aktør", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anne Ankerperson", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationSearch_AndDuplicateCheck_FoldDanishLetters()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = "Ærø Øst Ålaug", Type = OrganisationType.CivilSociety, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var found = await anne.GetAsync("/organisationer?q=" + Uri.EscapeDataString("ærø øst"));
        Assert.Contains("Ærø Øst Ålaug", found.Text, StringComparison.Ordinal);
        Assert.Equal(await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Ærø Øst Ålaug").Select(o => (int?)o.Id).SingleAsync()),
            await factory.WithDbAsync(db => OrganisationStore.FindAsync(db, "ÆRØ ØST ÅLAUG")));
    }
}
