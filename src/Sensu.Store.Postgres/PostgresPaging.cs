namespace Sensu.Store.Postgres;

/// <summary>The continue position and look-ahead limit of a listing, and the page made of its rows.</summary>
internal static class PostgresPaging
{
    /// <summary>Appends the continue condition (when the token has one) for <paramref name="parts"/> key columns.</summary>
    public static void AppendAfter(PostgresStatement statement, string fragment, PageRequest page, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit);
        if (page.Continue is null)
            return;
        var after = ContinueToken.Decode(page.Continue, parts);
        var names = new object?[parts];
        for (var i = 0; i < parts; i++)
            names[i] = statement.Bind(after[i]);
        statement.Append(fragment, names);
    }

    /// <summary>Appends the tail with one more row than asked (to know whether a next page exists), NULL for all.</summary>
    public static void AppendTail(PostgresStatement statement, string fragment, PageRequest page) =>
        statement.Append(fragment, statement.Bind(page.Limit == 0 ? null : page.Limit + 1L));

    /// <summary>Trims the look-ahead row and makes the token of the last item kept.</summary>
    public static Page<T> ToPage<T>(List<T> rows, PageRequest page, Func<T, string> token)
    {
        if (page.Limit == 0 || rows.Count <= page.Limit)
            return new Page<T>(rows, null);
        rows.RemoveRange(page.Limit, rows.Count - page.Limit);
        return new Page<T>(rows, token(rows[^1]));
    }
}
