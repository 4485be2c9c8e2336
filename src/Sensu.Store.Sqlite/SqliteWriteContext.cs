using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>One write inside a group-commit batch: its commands, revisions and namespace checks, and the changes to publish.</summary>
internal sealed class SqliteWriteContext(SqliteWriteBatch batch)
{
    private List<Action>? _afterCommit;

    public List<ResourceChange> Changes { get; } = [];

    /// <summary>Runs <paramref name="action"/> on the writer loop once this write is committed (not if it fails).</summary>
    public void OnCommit(Action action) => (_afterCommit ??= []).Add(action);

    internal void Committed()
    {
        if (_afterCommit is null)
            return;
        foreach (var action in _afterCommit)
            action();
    }

    /// <summary>The prepared command for <paramref name="sql"/> in this transaction; owned by the store, never disposed by the caller.</summary>
    public SqliteCommand Command(string sql) => batch.Command(sql);

    /// <summary>Takes the next global revision (given back if the write fails).</summary>
    public Task<long> NextRevisionAsync(CancellationToken cancellationToken) => batch.NextRevisionAsync(cancellationToken);

    /// <summary>Throws <see cref="NamespaceNotFoundException"/> unless <paramref name="namespace"/> is empty or exists.</summary>
    public Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken) =>
        batch.EnsureNamespaceAsync(@namespace, cancellationToken);
}
