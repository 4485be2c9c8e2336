namespace Sensu.Store.Postgres;

/// <summary>Statements over the <c>events</c> table. Key parameters: <c>$1</c> namespace, <c>$2</c> entity, <c>$3</c> check.</summary>
internal static class EventSql
{
    public const string Get =
        "SELECT json, revision FROM events WHERE namespace = $1 AND entity = $2 AND check_name = $3;";

    public const string GetRevision =
        "SELECT revision FROM events WHERE namespace = $1 AND entity = $2 AND check_name = $3;";

    /// <summary>
    /// A batch of puts in one statement: parallel arrays of keys, UTF-8 documents and revisions (each key at most once).
    /// A row never goes back to an older revision, so two backends racing on one key keep the later write.
    /// </summary>
    public const string UpsertMany =
        """
        INSERT INTO events (namespace, entity, check_name, json, revision)
        SELECT t.namespace, t.entity, t.check_name, convert_from(t.json, 'UTF8'), t.revision
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::bigint[]) AS t(namespace, entity, check_name, json, revision)
        ON CONFLICT (namespace, entity, check_name) DO UPDATE
            SET json = excluded.json, revision = excluded.revision
            WHERE events.revision < excluded.revision;
        """;

    public const string Delete =
        "DELETE FROM events WHERE namespace = $1 AND entity = $2 AND check_name = $3;";

    public const string DeleteEntity =
        "DELETE FROM events WHERE namespace = $1 AND entity = $2;";

    /// <summary>Head of a listing; conditions follow as <c>AND ...</c>.</summary>
    public const string ListHead = "SELECT namespace, entity, check_name, json, revision FROM events WHERE true";

    /// <summary>Head of a filtered listing: the document parsed once per row for the label and status terms.</summary>
    public const string ListFilteredHead =
        "SELECT namespace, entity, check_name, json, revision FROM events CROSS JOIN LATERAL (SELECT json::jsonb AS doc) AS d WHERE true";

    /// <summary><c>{0}</c>: the namespace parameter.</summary>
    public const string ListNamespace = " AND namespace = {0}";

    /// <summary><c>{0}</c>: the entity parameter.</summary>
    public const string ListEntity = " AND entity = {0}";

    /// <summary><c>{0}</c>..<c>{2}</c>: the continue position's parameters.</summary>
    public const string ListAfter = " AND (namespace, entity, check_name) > ({0}, {1}, {2})";

    /// <summary><c>{0}</c>: the limit parameter (NULL for all).</summary>
    public const string ListTail = " ORDER BY namespace, entity, check_name LIMIT {0};";
}
