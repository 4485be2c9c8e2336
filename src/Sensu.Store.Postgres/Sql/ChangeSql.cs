namespace Sensu.Store.Postgres;

/// <summary>The change feed's statements: what writers append, what listeners read, what is pruned.</summary>
internal static class ChangeSql
{
    public const string Channel = "sensu_changes";

    /// <summary><c>$1</c> revision, <c>$2</c> kind, <c>$3</c> namespace, <c>$4</c> name, <c>$5</c> type, <c>$6</c> json (NULL for a delete).</summary>
    public const string Record =
        "INSERT INTO changes (revision, kind, namespace, name, type, json) VALUES ($1, $2, $3, $4, $5, $6);";

    /// <summary>Sent with the write's transaction: delivered to every listener when (and only if) it commits.</summary>
    public const string Notify = "NOTIFY " + Channel + ";";

    public const string Listen = "LISTEN " + Channel + ";";

    /// <summary>Where a new listener starts: after every change committed so far.</summary>
    public const string Latest = "SELECT COALESCE(max(revision), 0) FROM changes;";

    /// <summary>
    /// Changes after <c>$1</c> (at most <c>$2</c>), with the pruned watermark read in the same snapshot: when the
    /// watermark is past <c>$1</c>, changes this listener never read were pruned. A row with NULL revision means none.
    /// </summary>
    public const string ReadAfter =
        """
        SELECT c.revision, c.kind, c.namespace, c.name, c.type, c.json, p.revision
        FROM changes_pruned AS p
        LEFT JOIN LATERAL (
            SELECT revision, kind, namespace, name, type, json FROM changes
            WHERE revision > $1 ORDER BY revision LIMIT $2
        ) AS c ON true
        WHERE p.id = 1
        ORDER BY c.revision;
        """;

    /// <summary>Deletes changes older than <c>$1</c> (an interval), always keeping the latest, and raises the watermark.</summary>
    public const string Prune =
        """
        WITH pruned AS (
            DELETE FROM changes
            WHERE committed_at < now() - $1 AND revision < (SELECT max(revision) FROM changes)
            RETURNING revision
        )
        UPDATE changes_pruned SET revision = GREATEST(changes_pruned.revision, (SELECT max(revision) FROM pruned))
        WHERE id = 1 AND EXISTS (SELECT 1 FROM pruned);
        """;
}
