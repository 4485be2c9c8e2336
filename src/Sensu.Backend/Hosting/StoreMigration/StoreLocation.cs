using Sensu.Core.Configuration;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>
/// One side of <c>sensu-backend migrate-store</c>: <c>sqlite:PATH</c> (a state directory or its <c>sensu.db</c> file)
/// or <c>postgres:DSN</c> (the DSN <c>--postgres-dsn</c> takes).
/// </summary>
public sealed record StoreLocation(StoreProvider Provider, string Value)
{
    /// <summary>Parses <paramref name="text"/>; a malformed value fails with <see cref="SettingsException"/> naming <paramref name="flag"/>.</summary>
    public static StoreLocation Parse(string? text, string flag)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
            throw new SettingsException($"{flag} must be sqlite:PATH or postgres:DSN, got \"{text}\"");
        var scheme = text[..colon];
        var value = text[(colon + 1)..];
        return scheme.ToLowerInvariant() switch
        {
            "sqlite" => new StoreLocation(StoreProvider.Sqlite, value),
            "postgres" or "postgresql" => new StoreLocation(StoreProvider.Postgres, value),
            _ => throw new SettingsException($"{flag}: unknown store \"{scheme}\"; use sqlite:PATH or postgres:DSN"),
        };
    }

    /// <summary>
    /// The SQLite options for <see cref="Value"/>: an existing file, or a path ending in <c>.db</c>, is the database
    /// itself; anything else is a state directory holding <c>sensu.db</c>.
    /// </summary>
    public SqliteStoreOptions SqliteOptions()
    {
        var full = Path.GetFullPath(Value);
        var isFile = File.Exists(full) || (!Directory.Exists(full) && full.EndsWith(".db", StringComparison.OrdinalIgnoreCase));
        return isFile
            ? new SqliteStoreOptions { StateDirectory = Path.GetDirectoryName(full)!, FileName = Path.GetFileName(full) }
            : new SqliteStoreOptions { StateDirectory = full };
    }
}
