namespace Sensu.Store.Sqlite;

/// <summary>Statements shared by every writer.</summary>
internal static class CommonSql
{
    public const string NextRevision = "UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value;";

    public const string NamespaceExists =
        "SELECT 1 FROM resources WHERE kind = $kind AND namespace = '' AND name = $name;";

    public const string Ping = "SELECT 1;";
}
