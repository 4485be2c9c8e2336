using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// The one connection every write goes through, opened on the first write and kept for the store's life: its
/// pragmas run once and each statement is prepared once (cached by its SQL text) instead of once per write.
/// Only the holder of the store's writer lock touches it. A batch whose transaction fails drops it, so the next
/// batch starts from a fresh connection.
/// </summary>
internal sealed class SqliteWriteConnection(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="transaction"/>, parameters cleared. Do not dispose it.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
            await command.DisposeAsync();
        _commands.Clear();
        await Connection.DisposeAsync();
    }
}
