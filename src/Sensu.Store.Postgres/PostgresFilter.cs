namespace Sensu.Store.Postgres;

/// <summary>
/// Appends the conditions of a <see cref="StoreFilter"/> from the fragments in <see cref="FilterSql"/>, binding
/// every value. Labels are read from the stored JSON (by a <c>text[]</c> path, so any key works); names, entities
/// and checks from the key columns.
/// </summary>
internal static class PostgresFilter
{
    public static void AppendEventTerms(PostgresStatement statement, StoreFilter filter)
    {
        foreach (var term in filter.Terms)
        {
            var value = term.Field switch
            {
                StoreFilterField.EventEntity => FilterSql.EventEntity,
                StoreFilterField.EventCheck => FilterSql.EventCheck,
                StoreFilterField.EventCheckStatus => FilterSql.EventCheckStatus,
                StoreFilterField.Label => string.Format(System.Globalization.CultureInfo.InvariantCulture, FilterSql.EventLabel,
                    ByPath(statement, FilterSql.EventByPath, FilterSql.EventCheckLabels, term.Label!),
                    ByPath(statement, FilterSql.EventByPath, FilterSql.EventEntityLabels, term.Label!),
                    ByPath(statement, FilterSql.EventByPath, FilterSql.Labels, term.Label!)),
                _ => throw new ArgumentException($"an event listing cannot filter on {term.Field}", nameof(filter)),
            };
            AppendTerm(statement, value, term, nullable: term.Field == StoreFilterField.Label);
        }
    }

    public static void AppendResourceTerms(PostgresStatement statement, StoreFilter filter)
    {
        foreach (var term in filter.Terms)
        {
            var value = term.Field switch
            {
                StoreFilterField.Name => FilterSql.ResourceName,
                StoreFilterField.Label => ByPath(statement, FilterSql.ResourceByPath, FilterSql.Labels, term.Label!),
                _ => throw new ArgumentException($"a resource listing cannot filter on {term.Field}", nameof(filter)),
            };
            AppendTerm(statement, value, term, nullable: term.Field == StoreFilterField.Label);
        }
    }

    private static void AppendTerm(PostgresStatement statement, string value, StoreFilterTerm term, bool nullable)
    {
        var values = statement.Bind(term.Values.ToArray());
        var format = !term.Negated ? FilterSql.In : nullable ? FilterSql.IsNullOr : FilterSql.NotIn;
        statement.Append(FilterSql.And).Append(format, value, values);
    }

    private static string ByPath(PostgresStatement statement, string fragment, string[] objectPath, string key) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, fragment, statement.Bind((string[])[.. objectPath, key]));
}
