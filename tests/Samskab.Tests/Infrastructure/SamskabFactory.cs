using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samskab.Web.Infrastructure.Data;
using Xunit;

namespace Samskab.Tests.Infrastructure;

/// <summary>
/// The app under test on its own database: a temporary SQLite file by default, or a fresh database on the PostgreSQL
/// server named by SAMSKAB_TEST_POSTGRES (the test script sets it for the second run). Demo data is seeded, so the
/// demo accounts exist in every test.
/// </summary>
public class SamskabFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _name = "samskab_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _sqliteFile;

    public static string? PostgresServer => Environment.GetEnvironmentVariable("SAMSKAB_TEST_POSTGRES");
    public static bool OnPostgres => !string.IsNullOrEmpty(PostgresServer);

    /// <summary>Extra settings a test class needs (SMTP, lower rate limits, …).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Samskab:DemoData"] = "true",
        ["Samskab:RequireHttps"] = "false",
        ["Samskab:BaseUrl"] = "http://localhost",
        ["RateLimits:SignInPerMinute"] = "10000",
        ["RateLimits:SignInLinksPerTenMinutes"] = "10000",
        // Every test client signs in from the same (test) address.
        ["RateLimits:PasswordFailuresPerAddress"] = "100000",
        ["Logging:Format"] = "simple",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Mail:PollInterval"] = "00:00:00.200",
        ["Newsletters:PollInterval"] = "00:00:00.200",
        ["Uploads:Directory"] = Path.Combine(Path.GetTempPath(), "samskab-tests", "uploads-" + Guid.NewGuid().ToString("N")),
    };

    public string UploadsDirectory => Settings["Uploads:Directory"]!;

    /// <summary>Leaves the database behind when disposed, for a second instance to start on (a restart).</summary>
    public bool KeepDatabase { get; set; }

    private bool _adopted;

    /// <summary>Starts this instance on another instance's database (kept with <see cref="KeepDatabase"/>) and takes over
    /// removing it.</summary>
    public void AdoptDatabaseOf(SamskabFactory other)
    {
        (_name, _sqliteFile, ConnectionString) = (other._name, other._sqliteFile, other.ConnectionString);
        Settings["Database:Provider"] = other.Settings["Database:Provider"];
        Settings["Database:ConnectionString"] = other.ConnectionString;
        _adopted = true;
    }

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        if (!_adopted)
        {
            await PrepareDatabaseAsync();
        }
        // Starts the host: migrates and seeds.
        _ = Server;
    }

    /// <summary>Creates this factory's empty database and points the settings at it, without starting the app.</summary>
    public async Task PrepareDatabaseAsync()
    {
        if (OnPostgres)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name }.ToString();
            Settings["Database:Provider"] = "Postgres";
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "samskab-tests");
            Directory.CreateDirectory(folder);
            _sqliteFile = Path.Combine(folder, _name + ".db");
            ConnectionString = $"Data Source={_sqliteFile}";
            Settings["Database:Provider"] = "Sqlite";
        }
        Settings["Database:ConnectionString"] = ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads settings while building, before those callbacks run.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public AppClient CreateAppClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepDatabase)
        {
            await CleanupAsync();
            return;
        }
        if (OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        await CleanupAsync();
    }

    protected virtual Task CleanupAsync() => Task.CompletedTask;
}
