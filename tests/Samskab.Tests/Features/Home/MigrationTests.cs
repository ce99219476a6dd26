using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Infrastructure.Data;
using Xunit;

namespace Samskab.Tests.Features.Home;

public class MigrationTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations_ForBothProviders()
    {
        await using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteAppDbContext");
        await using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for PostgresAppDbContext");
        Assert.Empty(await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Database_IsTheProviderTheTestRunAskedFor()
    {
        var provider = await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(SamskabFactory.OnPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task Startup_SeveralInstancesAtOnce_MigrateAndSeedOnce()
    {
        // Three app instances start together against one fresh database.
        var first = new SamskabFactory();
        await first.PrepareDatabaseAsync();
        var others = Enumerable.Range(0, 2).Select(_ => new SharedDatabaseFactory(first.ConnectionString)).ToList();
        await Task.WhenAll(others.Append(first).Select(o => Task.Run(() => o.Server)));

        // Each demo account and the demo initiative exist once, however many instances seeded at the same time.
        var emails = Samskab.Web.Infrastructure.Demo.DemoData.Accounts.Select(a => a.Email)
            .Append(Samskab.Web.Infrastructure.Demo.DemoLocalAreas.SecondBridgeBuilderEmail).Select(e => e.ToUpperInvariant()).ToList();
        var accounts = await first.WithDbAsync(db => db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync());
        Assert.Equal(emails.Order(), accounts.Order());
        var demoTitle = await first.WithDbAsync(db => db.Initiatives.OrderBy(i => i.Id).Select(i => i.Title).FirstAsync());
        Assert.Equal(1, await first.WithDbAsync(db => db.Initiatives.CountAsync(i => i.Title == demoTitle)));
        Assert.Equal(await first.WithDbAsync(db => db.Users.CountAsync()), accounts.Count);
        foreach (var o in others)
        {
            await o.DisposeAsync();
        }
        await ((IAsyncLifetime)first).DisposeAsync();
    }

    private sealed class SharedDatabaseFactory : SamskabFactory
    {
        public SharedDatabaseFactory(string connectionString)
        {
            Settings["Database:Provider"] = OnPostgres ? "Postgres" : "Sqlite";
            Settings["Database:ConnectionString"] = connectionString;
        }
    }
}
