namespace Sensu.Store.Sqlite;

/// <summary>Statements shared by every writer.</summary>
internal static class CommonSql
{
    public const string ReadRevision = "SELECT value FROM revision WHERE id = 1;";

    public const string WriteRevision = "UPDATE revision SET value = $value WHERE id = 1;";

    public const string NamespaceExists =
        "SELECT 1 FROM resources WHERE kind = $kind AND namespace = '' AND name = $name;";

    public const string Ping = "SELECT 1;";
}
