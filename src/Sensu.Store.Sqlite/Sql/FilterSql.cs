namespace Sensu.Store.Sqlite;

/// <summary>
/// Pieces of the filtered listings (<see cref="StoreFilter"/>): a fixed head, fixed conditions joined with
/// <c>AND</c>, and a fixed tail. Only these constants and generated parameter names (<c>$f0_0</c>...) make up a
/// statement; every value, label path included, is a bound parameter.
/// </summary>
internal static class FilterSql
{
    public const string EventsHead =
        """
        SELECT namespace, entity, check_name, json, revision FROM events
        WHERE ($has_after = 0 OR (namespace, entity, check_name) > ($after_namespace, $after_entity, $after_check))
        """;

    public const string EventsNamespace = " AND namespace = $namespace";

    public const string EventsEntity = " AND entity = $entity";

    public const string EventsTail = " ORDER BY namespace, entity, check_name LIMIT $limit;";

    public const string ResourcesHead =
        """
        SELECT namespace, name, type, json, revision FROM resources
        WHERE kind = $kind AND ($has_after = 0 OR (namespace, name) > ($after_namespace, $after_name))
        """;

    public const string ResourcesNamespace = " AND namespace = $namespace";

    public const string ResourcesTail = " ORDER BY namespace, name LIMIT $limit;";

    public const string And = " AND ";

    public const string EventEntity = "entity";

    public const string EventCheck = "check_name";

    public const string ResourceName = "name";

    /// <summary>An event's status as the selector sees it: decimal text, 0 when absent.</summary>
    public const string EventCheckStatus = "CAST(COALESCE(json_extract(json, '$.check.status'), 0) AS TEXT)";

    /// <summary>A label by path (<c>{0}</c>: the parameter holding <c>$.metadata.labels."key"</c>).</summary>
    public const string LabelByPath = "json_extract(json, {0})";

    /// <summary>A label whose key cannot be written in a path (it holds a quote): looked up among the object's members.</summary>
    public const string EventLabelByMember = "(SELECT value FROM json_each(events.json, {0}) WHERE key = {1})";

    /// <summary>Same over a resource.</summary>
    public const string ResourceLabelByMember = "(SELECT value FROM json_each(resources.json, {0}) WHERE key = {1})";

    /// <summary>An event's label: the check's, else the entity's, else the event's own (<c>{0}</c>..<c>{2}</c>: one lookup each).</summary>
    public const string EventLabel = "COALESCE({0}, {1}, {2})";

    public const string IsNullOr = "({0} IS NULL OR {0} NOT IN ({1}))";

    public const string In = "{0} IN ({1})";

    public const string NotIn = "{0} NOT IN ({1})";

    public const string EventCheckLabels = "$.check.metadata.labels";

    public const string EventEntityLabels = "$.entity.metadata.labels";

    public const string EventLabels = "$.metadata.labels";

    public const string ResourceLabels = "$.metadata.labels";
}
