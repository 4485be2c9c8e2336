using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>
/// One group-commit transaction and what its writes share: the global revision counter (read once, advanced in
/// memory, written back before the commit), the namespaces already seen to exist, and one savepoint per write.
/// A write rolled back to its savepoint gives back the revisions and namespace sightings it took. A write that
/// changes the database with at most one statement needs no savepoint: SQLite undoes a failed statement by itself.
/// </summary>
internal sealed class SqliteWriteBatch(SqliteWriteConnection connection, SqliteTransaction transaction)
{
    private const string Savepoint = "SAVEPOINT w;";
    private const string ReleaseSavepoint = "RELEASE w;";
    private const string RollbackSavepoint = "ROLLBACK TO w;";

    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly List<string> _sightedByWrite = [];
    private long? _revision;
    private long? _revisionAtSavepoint;
    private bool _revisionChanged;

    public SqliteCommand Command(string sql) => connection.Command(sql, transaction);

    private bool _savepoint;

    /// <summary>Starts a write; <paramref name="singleStatement"/> skips the savepoint (see the class summary).</summary>
    public async ValueTask BeginWriteAsync(bool singleStatement, CancellationToken cancellationToken)
    {
        _revisionAtSavepoint = _revision;
        _sightedByWrite.Clear();
        _savepoint = !singleStatement;
        if (_savepoint)
            await Command(Savepoint).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The write succeeded: keep its work; a namespace it deleted is no longer known to exist.</summary>
    public async ValueTask EndWriteAsync(IReadOnlyList<ResourceChange> changes, CancellationToken cancellationToken)
    {
        if (_savepoint)
            await Command(ReleaseSavepoint).ExecuteNonQueryAsync(cancellationToken);
        foreach (var change in changes)
        {
            if (change.Kind == ChangeKind.Delete && change.Key.Kind == StoreKinds.Namespaces)
                _namespaces.Remove(change.Key.Name);
        }
    }

    /// <summary>The write failed: undo it alone.</summary>
    public async ValueTask UndoWriteAsync(CancellationToken cancellationToken)
    {
        if (_savepoint)
        {
            await Command(RollbackSavepoint).ExecuteNonQueryAsync(cancellationToken);
            await Command(ReleaseSavepoint).ExecuteNonQueryAsync(cancellationToken);
        }
        _revision = _revisionAtSavepoint;
        foreach (var name in _sightedByWrite)
            _namespaces.Remove(name);
    }

    public async Task<long> NextRevisionAsync(CancellationToken cancellationToken)
    {
        if (_revision is not { } current)
        {
            var value = await Command(CommonSql.ReadRevision).ExecuteScalarAsync(cancellationToken);
            current = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        _revision = current + 1;
        _revisionChanged = true;
        return current + 1;
    }

    public async Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (@namespace.Length == 0 || _namespaces.Contains(@namespace))
            return;

        var command = Command(CommonSql.NamespaceExists);
        command.Parameters.AddWithValue("$kind", StoreKinds.Namespaces);
        command.Parameters.AddWithValue("$name", @namespace);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
            throw new NamespaceNotFoundException(@namespace);
        _namespaces.Add(@namespace);
        _sightedByWrite.Add(@namespace);
    }

    /// <summary>Writes the revision counter back; call once, before the commit.</summary>
    public async Task FlushRevisionAsync(CancellationToken cancellationToken)
    {
        if (!_revisionChanged || _revision is not { } value)
            return;
        var command = Command(CommonSql.WriteRevision);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
