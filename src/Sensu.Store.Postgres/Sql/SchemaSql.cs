namespace Sensu.Store.Postgres;

/// <summary>
/// The schema, as an ordered list of migrations. Migration <c>i</c> (0-based) takes the database from version
/// <c>i</c> to <c>i + 1</c>; the migrator records each in <c>schema_version</c> in the same transaction, under an
/// advisory lock so that backends starting together apply each migration once. Never edit a released migration:
/// append a new one. Key columns use the "C" collation: byte order of UTF-8, the order every provider lists in.
/// </summary>
internal static class SchemaSql
{
    /// <summary>Session-level advisory lock key held while migrating ("sensu" + "mig" in ASCII, arbitrary but fixed).</summary>
    public const long MigrationLockKey = 0x73656E73756D6967;

    public const string Lock = "SELECT pg_advisory_lock($1);";

    public const string Unlock = "SELECT pg_advisory_unlock($1);";

    /// <summary>Whether <c>schema_version</c> exists (a standby or read-only database must not be asked to create it).</summary>
    public const string VersionTableExists = "SELECT to_regclass('schema_version') IS NOT NULL;";

    public const string CreateVersionTable =
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer     PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    public const string ReadVersion = "SELECT COALESCE(max(version), 0) FROM schema_version;";

    public const string RecordVersion = "INSERT INTO schema_version (version) VALUES ($1);";

    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE SEQUENCE sensu_revision AS bigint;

        CREATE TABLE resources (
            kind      text   COLLATE "C" NOT NULL,
            namespace text   COLLATE "C" NOT NULL,
            name      text   COLLATE "C" NOT NULL,
            type      text   NOT NULL,
            json      text   NOT NULL,
            revision  bigint NOT NULL,
            PRIMARY KEY (kind, namespace, name)
        );

        -- Rewritten at every check result: room on each page for the new version of a row (HOT updates).
        CREATE TABLE events (
            namespace  text   COLLATE "C" NOT NULL,
            entity     text   COLLATE "C" NOT NULL,
            check_name text   COLLATE "C" NOT NULL,
            json       text   NOT NULL,
            revision   bigint NOT NULL,
            PRIMARY KEY (namespace, entity, check_name)
        ) WITH (fillfactor = 70);

        -- The events of one entity in every namespace (GET /events/<entity> across namespaces).
        CREATE INDEX events_by_entity ON events (entity, namespace, check_name);

        -- The change feed: one row per committed resource write, in revision (= commit) order.
        CREATE TABLE changes (
            revision     bigint      PRIMARY KEY,
            kind         text        NOT NULL,
            namespace    text        NOT NULL,
            name         text        NOT NULL,
            type         text,
            json         text,
            committed_at timestamptz NOT NULL DEFAULT now()
        );

        -- The highest revision pruned from changes: a listener behind it has lost changes.
        CREATE TABLE changes_pruned (
            id       integer PRIMARY KEY CHECK (id = 1),
            revision bigint  NOT NULL
        );
        INSERT INTO changes_pruned (id, revision) VALUES (1, 0);
        """,
    ];
}
