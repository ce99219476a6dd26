using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Actors;

public enum OrganisationType
{
    Police = 1,
    Municipality = 2,
    OtherPublicBody = 3,
    Education = 4,
    CivilSociety = 5,
    Business = 6,
    Citizen = 7,
}

public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class OrganisationStore
{
    /// <summary>
    /// The organisation with this name (also written in other case), created if there is none. The unique index on
    /// the name decides between two people creating it at once; the second gets the first one's organisation.
    /// </summary>
    public static async Task<int> FindOrCreateAsync(AppDbContext db, string name, OrganisationType type, DateTimeOffset now, Action<Organisation>? fill = null)
    {
        name = name.Trim();
        if (await FindAsync(db, name) is int existing)
        {
            return existing;
        }
        var organisation = new Organisation { Name = name, Type = type, CreatedAt = now };
        fill?.Invoke(organisation);
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync();
            return organisation.Id;
        }
        catch (DbUpdateException)
        {
            db.Entry(organisation).State = EntityState.Detached;
            return await FindAsync(db, name) ?? throw new InvalidOperationException("An organisation could be neither created nor found.");
        }
    }

    public static async Task<int?> FindAsync(AppDbContext db, string name)
    {
        name = name.Trim();
        var upper = TextSearch.Term(name);
        return await db.Organisations.Where(o => o.Name == name).Select(o => (int?)o.Id).FirstOrDefaultAsync()
            ?? await db.Organisations.Where(o => TextSearch.Fold(o.Name) == upper).Select(o => (int?)o.Id).FirstOrDefaultAsync();
    }
}
