namespace Sensu.Store.Sqlite;

/// <summary>Statements over the <c>events</c> table. Listings take <c>$limit</c> = -1 for "no limit".</summary>
internal static class EventSql
{
    public const string Get =
        "SELECT json, revision FROM events WHERE namespace = $namespace AND entity = $entity AND check_name = $check;";

    public const string GetRevision =
        "SELECT revision FROM events WHERE namespace = $namespace AND entity = $entity AND check_name = $check;";

    public const string Upsert =
        """
        INSERT INTO events (namespace, entity, check_name, json, revision)
        VALUES ($namespace, $entity, $check, CAST($json AS TEXT), $revision)
        ON CONFLICT (namespace, entity, check_name) DO UPDATE
            SET json = excluded.json, revision = excluded.revision;
        """;

    public const string Delete =
        "DELETE FROM events WHERE namespace = $namespace AND entity = $entity AND check_name = $check;";

    public const string DeleteEntity =
        "DELETE FROM events WHERE namespace = $namespace AND entity = $entity;";

    public const string ListAll =
        """
        SELECT namespace, entity, check_name, json, revision FROM events
        WHERE ($has_after = 0 OR (namespace, entity, check_name) > ($after_namespace, $after_entity, $after_check))
        ORDER BY namespace, entity, check_name
        LIMIT $limit;
        """;

    public const string ListNamespace =
        """
        SELECT namespace, entity, check_name, json, revision FROM events
        WHERE namespace = $namespace AND ($has_after = 0 OR (namespace, entity, check_name) > ($after_namespace, $after_entity, $after_check))
        ORDER BY namespace, entity, check_name
        LIMIT $limit;
        """;

    public const string ListEntity =
        """
        SELECT namespace, entity, check_name, json, revision FROM events
        WHERE namespace = $namespace AND entity = $entity AND ($has_after = 0 OR (namespace, entity, check_name) > ($after_namespace, $after_entity, $after_check))
        ORDER BY namespace, entity, check_name
        LIMIT $limit;
        """;

    public const string ListEntityAllNamespaces =
        """
        SELECT namespace, entity, check_name, json, revision FROM events
        WHERE entity = $entity AND ($has_after = 0 OR (namespace, entity, check_name) > ($after_namespace, $after_entity, $after_check))
        ORDER BY namespace, entity, check_name
        LIMIT $limit;
        """;
}
