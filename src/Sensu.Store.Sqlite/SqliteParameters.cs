using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>Binds the parameters the statements in <c>Sql/</c> share.</summary>
internal static class SqliteParameters
{
    public static void AddKey(this SqliteCommand command, ResourceKey key)
    {
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$namespace", key.Namespace);
        command.Parameters.AddWithValue("$name", key.Name);
    }

    public static void AddKey(this SqliteCommand command, EventKey key)
    {
        command.Parameters.AddWithValue("$namespace", key.Namespace);
        command.Parameters.AddWithValue("$entity", key.Entity);
        command.Parameters.AddWithValue("$check", key.Check);
    }

    public static void AddWrite(this SqliteCommand command, ResourceWrite write, long revision)
    {
        command.AddKey(write.Key);
        command.Parameters.AddWithValue("$type", write.Type);
        command.Parameters.AddWithValue("$json", write.Json);
        command.Parameters.AddWithValue("$revision", revision);
    }

    /// <summary>
    /// Binds <c>$limit</c> (one more than asked, to know whether a next page exists; -1 for all) and the
    /// <c>$has_after</c>/<c>$after_*</c> position decoded from the continue token.
    /// </summary>
    public static void AddPage(this SqliteCommand command, PageRequest page, params ReadOnlySpan<string> afterNames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit);
        command.Parameters.AddWithValue("$limit", page.Limit == 0 ? -1L : page.Limit + 1L);
        var after = page.Continue is null ? null : ContinueToken.Decode(page.Continue, afterNames.Length);
        command.Parameters.AddWithValue("$has_after", after is null ? 0 : 1);
        for (var i = 0; i < afterNames.Length; i++)
        {
            command.Parameters.AddWithValue(afterNames[i], after is null ? string.Empty : after[i]);
        }
    }

    /// <summary>Trims the look-ahead row and makes the token of the last item kept.</summary>
    public static Page<T> ToPage<T>(List<T> rows, PageRequest page, Func<T, string> token)
    {
        if (page.Limit == 0 || rows.Count <= page.Limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveRange(page.Limit, rows.Count - page.Limit);
        return new Page<T>(rows, token(rows[^1]));
    }
}
