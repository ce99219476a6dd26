using System.Text;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Features.Participation;

/// <summary>
/// Full-text search of ideas, the one place that knows the two databases: SQLite's FTS5 table "IdeaSearch" (kept by
/// triggers, see the migration) and PostgreSQL's full text with the Danish configuration (an expression GIN index).
/// The words are reduced to letters and digits and passed as parameters, so no query syntax comes from the user.
/// </summary>
public static class IdeaSearch
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words.Distinct().Take(MaxWords).ToList();

        void Flush()
        {
            if (current.Length >= 2 && current.Length <= 40)
            {
                words.Add(current.ToString());
            }
            current.Clear();
        }
    }

    private static bool IsPostgres(AppDbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private static string Query(AppDbContext db, IReadOnlyList<string> words, bool all) => IsPostgres(db)
        ? string.Join(all ? " & " : " | ", words.Select(w => w + ":*"))
        : string.Join(all ? " AND " : " OR ", words.Select(w => "\"" + w + "\"*"));

    /// <summary>Ideas containing every word (as a prefix), to compose with the board's filters, sort and keyset.</summary>
    public static IQueryable<Idea> IdeasMatching(this AppDbContext db, IReadOnlyList<string> words)
    {
        var query = Query(db, words, all: true);
        return IsPostgres(db)
            ? db.Ideas.FromSql($"SELECT * FROM \"Ideas\" WHERE to_tsvector('danish', \"Title\" || ' ' || \"Text\") @@ to_tsquery('danish', {query})")
            : db.Ideas.FromSql($"SELECT * FROM \"Ideas\" WHERE \"Id\" IN (SELECT rowid FROM \"IdeaSearch\" WHERE \"IdeaSearch\" MATCH {query})");
    }

    /// <summary>The published ideas of a campaign most like a text being written, best match first.</summary>
    public static Task<List<int>> SimilarIdeaIdsAsync(this AppDbContext db, int campaignId, string text, int take, CancellationToken ct = default)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return Task.FromResult(new List<int>());
        }
        var query = Query(db, words, all: false);
        var published = (int)IdeaVisibility.Published;
        return IsPostgres(db)
            ? db.Database.SqlQuery<int>($"""
                SELECT i."Id" AS "Value" FROM "Ideas" AS i
                WHERE i."CampaignId" = {campaignId} AND i."Visibility" = {published}
                  AND to_tsvector('danish', i."Title" || ' ' || i."Text") @@ to_tsquery('danish', {query})
                ORDER BY ts_rank(to_tsvector('danish', i."Title" || ' ' || i."Text"), to_tsquery('danish', {query})) DESC, i."LikeCount" DESC
                LIMIT {take}
                """).ToListAsync(ct)
            : db.Database.SqlQuery<int>($"""
                SELECT "IdeaSearch".rowid AS "Value" FROM "IdeaSearch" JOIN "Ideas" AS i ON i."Id" = "IdeaSearch".rowid
                WHERE "IdeaSearch" MATCH {query} AND i."CampaignId" = {campaignId} AND i."Visibility" = {published}
                ORDER BY bm25("IdeaSearch"), i."LikeCount" DESC
                LIMIT {take}
                """).ToListAsync(ct);
    }
}
