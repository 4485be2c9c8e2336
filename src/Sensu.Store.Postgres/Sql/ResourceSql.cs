namespace Sensu.Store.Postgres;

/// <summary>
/// Statements over the <c>resources</c> table. Key parameters: <c>$1</c> kind, <c>$2</c> namespace, <c>$3</c> name;
/// writes add <c>$4</c> type, <c>$5</c> json, <c>$6</c> revision.
/// </summary>
internal static class ResourceSql
{
    public const string Get =
        "SELECT type, json, revision FROM resources WHERE kind = $1 AND namespace = $2 AND name = $3;";

    public const string Insert =
        """
        INSERT INTO resources (kind, namespace, name, type, json, revision)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (kind, namespace, name) DO NOTHING;
        """;

    /// <summary>Returns true when the row was inserted, false when it replaced one.</summary>
    public const string Upsert =
        """
        INSERT INTO resources (kind, namespace, name, type, json, revision)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (kind, namespace, name) DO UPDATE
            SET type = excluded.type, json = excluded.json, revision = excluded.revision
        RETURNING (xmax = 0);
        """;

    /// <summary><c>$7</c>: the expected revision.</summary>
    public const string ReplaceIfRevision =
        """
        UPDATE resources SET type = $4, json = $5, revision = $6
        WHERE kind = $1 AND namespace = $2 AND name = $3 AND revision = $7;
        """;

    public const string Delete =
        "DELETE FROM resources WHERE kind = $1 AND namespace = $2 AND name = $3;";

    /// <summary>Head of a listing; <c>$1</c> is the kind.</summary>
    public const string ListHead = "SELECT namespace, name, type, json, revision FROM resources WHERE kind = $1";

    /// <summary><c>{0}</c>: the namespace parameter.</summary>
    public const string ListNamespace = " AND namespace = {0}";

    /// <summary><c>{0}</c>, <c>{1}</c>: the continue position's parameters.</summary>
    public const string ListAfter = " AND (namespace, name) > ({0}, {1})";

    /// <summary><c>{0}</c>: the limit parameter (NULL for all).</summary>
    public const string ListTail = " ORDER BY namespace, name LIMIT {0};";

    public const string ListKinds = "SELECT DISTINCT kind FROM resources ORDER BY kind;";
}
