using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samskab.Web.Infrastructure.Data;

/// <summary>
/// Case-insensitive search that knows Danish letters, on both databases: <c>TextSearch.Fold(x.Name).Contains(term)</c>
/// with <c>term = TextSearch.Term(q)</c>. SQLite's own UPPER() folds only ASCII ("Aktør" would never match
/// "aktør"), so on SQLite the function is one of ours; PostgreSQL's upper() knows Unicode.
/// </summary>
public static class TextSearch
{
    public const string SqliteFunction = "samskab_fold";

    /// <summary>Translated to SQL; in memory it folds the same way.</summary>
    public static string? Fold(string? value) => value?.ToUpperInvariant();

    public static string Term(string value) => value.Trim().ToUpperInvariant();
}

/// <summary>Registers <see cref="TextSearch.SqliteFunction"/> on every SQLite connection the app opens.</summary>
public sealed class SqliteFunctions : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction(TextSearch.SqliteFunction, (string? value) => value?.ToUpperInvariant(), isDeterministic: true);
            // In WAL mode, NORMAL syncs at checkpoints instead of at every commit: the database cannot be corrupted,
            // and a power cut may undo the last commits (not a crash of the app). Writes become several times faster.
            using var pragma = sqlite.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }
    }
}
