namespace Sensu.Store.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. Migration <c>i</c> (0-based) takes <c>PRAGMA user_version</c>
/// from <c>i</c> to <c>i + 1</c>; each sets the version itself so it commits with its own changes.
/// Never edit a released migration: append a new one.
/// </summary>
internal static class SchemaSql
{
    /// <summary>Per connection: wait for locks instead of failing at once, and the usual WAL durability.</summary>
    public const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public const string EnableWal = "PRAGMA journal_mode = WAL;";

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
    ];
}
