namespace Sensu.Store.Postgres;

/// <summary>Statements shared by every writer, and the health probe.</summary>
internal static class CommonSql
{
    /// <summary>
    /// Transaction-level advisory lock every resource write takes before its revision: resource writes of the whole
    /// cluster commit one at a time, so their revisions are in commit order and the change feed can read by revision.
    /// </summary>
    public const long ResourceWriteLockKey = 0x73656E7375777274;

    public const string LockResourceWrites = "SELECT pg_advisory_xact_lock($1);";

    public const string NextRevision = "SELECT nextval('sensu_revision');";

    /// <summary><c>$1</c> revisions from the one sequence, ascending.</summary>
    public const string NextRevisions = "SELECT nextval('sensu_revision') FROM generate_series(1, $1) ORDER BY 1;";

    /// <summary><c>$1</c>: namespaces kind; <c>$2</c>: the name.</summary>
    public const string NamespaceExists =
        "SELECT 1 FROM resources WHERE kind = $1 AND namespace = '' AND name = $2;";

    /// <summary><c>$1</c>: namespaces kind; <c>$2</c>: names (text[]); returns those that exist.</summary>
    public const string NamespacesExisting =
        "SELECT name FROM resources WHERE kind = $1 AND namespace = '' AND name = ANY($2);";

    /// <summary>Whether this server is a standby (in recovery): it answers reads but refuses every write.</summary>
    public const string Ping = "SELECT pg_is_in_recovery();";
}
