namespace Sensu.Store.Postgres;

/// <summary>
/// Pieces of the filtered listings (<see cref="StoreFilter"/>): fixed conditions joined with <c>AND</c> to a listing's
/// head. Only these constants and positional parameters (<c>$4</c>...) make up a statement; every value, label paths
/// included, is a bound parameter (values as one <c>text[]</c> per term, paths as <c>text[]</c>).
/// </summary>
internal static class FilterSql
{
    public const string And = " AND ";

    public const string EventEntity = "entity";

    public const string EventCheck = "check_name";

    public const string ResourceName = "name";

    /// <summary>An event's status as the selector sees it: decimal text, 0 when absent.</summary>
    public const string EventCheckStatus = "COALESCE(d.doc #>> '{check,status}', '0')";

    /// <summary>A value by path in a filtered event listing (<c>{0}</c>: a <c>text[]</c> path parameter).</summary>
    public const string EventByPath = "(d.doc #>> {0})";

    /// <summary>A value by path in a resource's document (<c>{0}</c>: a <c>text[]</c> path parameter).</summary>
    public const string ResourceByPath = "(json::jsonb #>> {0})";

    /// <summary>An event's label: the check's, else the entity's, else the event's own.</summary>
    public const string EventLabel = "COALESCE({0}, {1}, {2})";

    /// <summary><c>{0}</c>: the value; <c>{1}</c>: a <c>text[]</c> parameter.</summary>
    public const string In = "{0} = ANY({1})";

    public const string NotIn = "NOT ({0} = ANY({1}))";

    public const string IsNullOr = "({0} IS NULL OR NOT ({0} = ANY({1})))";

    public static readonly string[] EventCheckLabels = ["check", "metadata", "labels"];

    public static readonly string[] EventEntityLabels = ["entity", "metadata", "labels"];

    public static readonly string[] Labels = ["metadata", "labels"];
}
