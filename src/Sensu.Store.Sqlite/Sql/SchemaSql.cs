namespace Sensu.Store.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. Migration <c>i</c> (0-based) takes <c>PRAGMA user_version</c>
/// from <c>i</c> to <c>i + 1</c>; each sets the version itself so it commits with its own changes.
/// Never edit a released migration: append a new one.
/// </summary>
internal static class SchemaSql
{
    /// <summary>
    /// Per writer connection: wait for locks instead of failing at once, and fsync every commit (group commit pays
    /// one fsync per batch, not per write).
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";

    /// <summary>Same, with <c>--store-sync normal</c>: the WAL is fsynced at checkpoints only.</summary>
    public const string ConnectionPragmasSyncNormal = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public static string WriterPragmas(SqliteSynchronous synchronous) =>
        synchronous == SqliteSynchronous.Normal ? ConnectionPragmasSyncNormal : ConnectionPragmas;

    public const string EnableWal = "PRAGMA journal_mode = WAL;";

    /// <summary>
    /// The page size of a new database file (a no-op on an existing one). Events and entities are stored as JSON of
    /// one to a few kilobytes; in 4 KiB pages most of them spill onto overflow pages, and every upsert rewrites
    /// several pages and a WAL frame for each. In 16 KiB pages a row fits in one page.
    /// </summary>
    public const string NewDatabasePageSize = "PRAGMA page_size = 16384;";

    public const string ReadUserVersion = "PRAGMA user_version;";

    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE revision (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        );
        INSERT INTO revision (id, value) VALUES (1, 0);

        CREATE TABLE resources (
            kind      TEXT    NOT NULL,
            namespace TEXT    NOT NULL,
            name      TEXT    NOT NULL,
            type      TEXT    NOT NULL,
            json      TEXT    NOT NULL,
            revision  INTEGER NOT NULL,
            PRIMARY KEY (kind, namespace, name)
        ) WITHOUT ROWID;

        CREATE TABLE events (
            namespace  TEXT    NOT NULL,
            entity     TEXT    NOT NULL,
            check_name TEXT    NOT NULL,
            json       TEXT    NOT NULL,
            revision   INTEGER NOT NULL,
            PRIMARY KEY (namespace, entity, check_name)
        ) WITHOUT ROWID;

        PRAGMA user_version = 1;
        """,
        // Rows of a few kilobytes: a table keyed by rowid keeps them in its leaves apart from the key index, where a
        // WITHOUT ROWID table would move them around the key's B-tree on every split.
        """
        CREATE TABLE resources_by_rowid (
            id        INTEGER PRIMARY KEY,
            kind      TEXT    NOT NULL,
            namespace TEXT    NOT NULL,
            name      TEXT    NOT NULL,
            type      TEXT    NOT NULL,
            json      TEXT    NOT NULL,
            revision  INTEGER NOT NULL,
            UNIQUE (kind, namespace, name)
        );
        INSERT INTO resources_by_rowid (kind, namespace, name, type, json, revision)
            SELECT kind, namespace, name, type, json, revision FROM resources ORDER BY kind, namespace, name;
        DROP TABLE resources;
        ALTER TABLE resources_by_rowid RENAME TO resources;

        CREATE TABLE events_by_rowid (
            id         INTEGER PRIMARY KEY,
            namespace  TEXT    NOT NULL,
            entity     TEXT    NOT NULL,
            check_name TEXT    NOT NULL,
            json       TEXT    NOT NULL,
            revision   INTEGER NOT NULL,
            UNIQUE (namespace, entity, check_name)
        );
        INSERT INTO events_by_rowid (namespace, entity, check_name, json, revision)
            SELECT namespace, entity, check_name, json, revision FROM events ORDER BY namespace, entity, check_name;
        DROP TABLE events;
        ALTER TABLE events_by_rowid RENAME TO events;

        PRAGMA user_version = 2;
        """,
    ];
}
