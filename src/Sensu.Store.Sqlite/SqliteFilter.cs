using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// Writes the conditions of a <see cref="StoreFilter"/> from the fragments in <see cref="FilterSql"/> and binds
/// their values as parameters. Labels are read from the stored JSON; names, entities and checks from the key columns.
/// </summary>
internal static class SqliteFilter
{
    public static void AppendEventTerms(StringBuilder sql, SqliteCommand command, StoreFilter filter)
    {
        for (var i = 0; i < filter.Terms.Count; i++)
        {
            var term = filter.Terms[i];
            var prefix = "$f" + i.ToString(CultureInfo.InvariantCulture);
            var value = term.Field switch
            {
                StoreFilterField.EventEntity => FilterSql.EventEntity,
                StoreFilterField.EventCheck => FilterSql.EventCheck,
                StoreFilterField.EventCheckStatus => FilterSql.EventCheckStatus,
                StoreFilterField.Label => string.Format(CultureInfo.InvariantCulture, FilterSql.EventLabel,
                    Label(command, prefix + "_c", FilterSql.EventCheckLabels, term.Label!, FilterSql.EventLabelByMember),
                    Label(command, prefix + "_e", FilterSql.EventEntityLabels, term.Label!, FilterSql.EventLabelByMember),
                    Label(command, prefix + "_m", FilterSql.EventLabels, term.Label!, FilterSql.EventLabelByMember)),
                _ => throw new ArgumentException($"an event listing cannot filter on {term.Field}", nameof(filter)),
            };
            AppendTerm(sql, command, prefix, value, term, nullable: term.Field == StoreFilterField.Label);
        }
    }

    public static void AppendResourceTerms(StringBuilder sql, SqliteCommand command, StoreFilter filter)
    {
        for (var i = 0; i < filter.Terms.Count; i++)
        {
            var term = filter.Terms[i];
            var prefix = "$f" + i.ToString(CultureInfo.InvariantCulture);
            var value = term.Field switch
            {
                StoreFilterField.Name => FilterSql.ResourceName,
                StoreFilterField.Label => Label(command, prefix + "_l", FilterSql.ResourceLabels, term.Label!, FilterSql.ResourceLabelByMember),
                _ => throw new ArgumentException($"a resource listing cannot filter on {term.Field}", nameof(filter)),
            };
            AppendTerm(sql, command, prefix, value, term, nullable: term.Field == StoreFilterField.Label);
        }
    }

    private static void AppendTerm(StringBuilder sql, SqliteCommand command, string prefix, string value, StoreFilterTerm term, bool nullable)
    {
        var names = new string[term.Values.Count];
        for (var j = 0; j < names.Length; j++)
        {
            names[j] = prefix + "_" + j.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[j], term.Values[j]);
        }
        var list = string.Join(", ", names);
        var format = !term.Negated ? FilterSql.In : nullable ? FilterSql.IsNullOr : FilterSql.NotIn;
        sql.Append(FilterSql.And).AppendFormat(CultureInfo.InvariantCulture, format, value, list);
    }

    /// <summary>The lookup of label <paramref name="key"/> in the labels object at <paramref name="objectPath"/>.</summary>
    private static string Label(SqliteCommand command, string parameter, string objectPath, string key, string byMember)
    {
        if (key.Contains('"', StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue(parameter, objectPath);
            command.Parameters.AddWithValue(parameter + "k", key);
            return string.Format(CultureInfo.InvariantCulture, byMember, parameter, parameter + "k");
        }
        command.Parameters.AddWithValue(parameter, objectPath + ".\"" + key + "\"");
        return string.Format(CultureInfo.InvariantCulture, FilterSql.LabelByPath, parameter);
    }
}
