namespace Sensu.Store.Sqlite;

/// <summary>Statements over the <c>resources</c> table. Listings take <c>$limit</c> = -1 for "no limit".</summary>
internal static class ResourceSql
{
    public const string Get =
        "SELECT type, json, revision FROM resources WHERE kind = $kind AND namespace = $namespace AND name = $name;";

    public const string Exists =
        "SELECT 1 FROM resources WHERE kind = $kind AND namespace = $namespace AND name = $name;";

    public const string Insert =
        """
        INSERT INTO resources (kind, namespace, name, type, json, revision)
        VALUES ($kind, $namespace, $name, $type, $json, $revision)
        ON CONFLICT (kind, namespace, name) DO NOTHING;
        """;

    public const string Upsert =
        """
        INSERT INTO resources (kind, namespace, name, type, json, revision)
        VALUES ($kind, $namespace, $name, $type, $json, $revision)
        ON CONFLICT (kind, namespace, name) DO UPDATE
            SET type = excluded.type, json = excluded.json, revision = excluded.revision;
        """;

    public const string ReplaceIfRevision =
        """
        UPDATE resources SET type = $type, json = $json, revision = $revision
        WHERE kind = $kind AND namespace = $namespace AND name = $name AND revision = $expected;
        """;

    public const string Delete =
        "DELETE FROM resources WHERE kind = $kind AND namespace = $namespace AND name = $name;";

    public const string ListNamespace =
        """
        SELECT namespace, name, type, json, revision FROM resources
        WHERE kind = $kind AND namespace = $namespace
          AND ($has_after = 0 OR (namespace, name) > ($after_namespace, $after_name))
        ORDER BY namespace, name
        LIMIT $limit;
        """;

    public const string ListAll =
        """
        SELECT namespace, name, type, json, revision FROM resources
        WHERE kind = $kind AND ($has_after = 0 OR (namespace, name) > ($after_namespace, $after_name))
        ORDER BY namespace, name
        LIMIT $limit;
        """;

    public const string ListKinds = "SELECT DISTINCT kind FROM resources ORDER BY kind;";
}
