using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sensu.Store.Sqlite;

/// <summary>One write transaction: commands bound to it, the revision counter, the namespace check, and the changes to publish.</summary>
internal sealed class SqliteWriteContext(SqliteConnection connection, SqliteTransaction transaction)
{
    public List<ResourceChange> Changes { get; } = [];

    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Takes the next global revision (rolled back with the transaction if it fails).</summary>
    public async Task<long> NextRevisionAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(CommonSql.NextRevision);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Throws <see cref="NamespaceNotFoundException"/> unless <paramref name="namespace"/> is empty or exists.</summary>
    public async Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (@namespace.Length == 0)
        {
            return;
        }

        await using var command = Command(CommonSql.NamespaceExists);
        command.Parameters.AddWithValue("$kind", StoreKinds.Namespaces);
        command.Parameters.AddWithValue("$name", @namespace);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new NamespaceNotFoundException(@namespace);
        }
    }
}
