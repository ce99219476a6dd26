using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samskab.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string DefaultSqliteFile = "data/samskab.db";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>Interceptors registered in DI (a test's SQL command counter) join every context.</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration["Database:ConnectionString"];
        if (Provider(configuration) == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres, but Database:ConnectionString is empty.");
            }
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, contentRoot);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(sqlite).AddInterceptors(sp.GetServices<IInterceptor>().Append(new SqliteFunctions())));
        }
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Brings the database schema up to date.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets the mail dispatcher write while pages read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (db.Database.IsNpgsql())
        {
            // Several instances may start together against one server: one migrates, the others wait and find it done.
            await db.RunExclusiveAsync(async () =>
            {
                await db.Database.MigrateAsync(ct);
                await Features.Initiatives.TimelineEvents.UpgradeLegacyAsync(db, ct);
            }, ct);
            return;
        }
        await db.Database.MigrateAsync(ct);
        await Features.Initiatives.TimelineEvents.UpgradeLegacyAsync(db, ct);
    }

    /// <summary>
    /// Runs start-up work (demo seeding) in one instance at a time, across app instances. PostgreSQL: a session
    /// advisory lock. SQLite: an immediate transaction, which holds the database's write lock.
    /// </summary>
    public static async Task RunExclusiveAsync(this AppDbContext db, Func<Task> work, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7261001)", ct);
                try
                {
                    await work();
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7261001)", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: a second instance waits here for the first.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }
}

/// <summary>Used by `dotnet ef` to build the SQLite migration set.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by `dotnet ef` to build the PostgreSQL migration set; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=samskab_design").Options);
}
