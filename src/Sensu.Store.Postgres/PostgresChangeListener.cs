using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// The store instance's reader of the <c>changes</c> table: on a connection of its own it LISTENs for the writers'
/// NOTIFY, and on each notification (or every <see cref="PostgresStoreOptions.ChangePollInterval"/>, in case one is
/// missed) reads every change after the last revision it published and hands them to the watchers. A lost connection
/// is reopened and reading resumes after that revision, so nothing is skipped; changes pruned meanwhile end the
/// watchers with <see cref="ChangeFeedLaggedException"/> (they re-list). Also prunes changes older than
/// <see cref="PostgresStoreOptions.ChangeRetention"/> now and then.
/// </summary>
internal sealed class PostgresChangeListener(PostgresStore store)
{
    private const int ReadLimit = 1000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset _nextPrune;

    public async Task RunAsync(CancellationToken stopping)
    {
        long? last = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await store.InitializeAsync(stopping);
                await using var connection = await store.ListenSource.OpenConnectionAsync(stopping);
                await using (var listen = new NpgsqlCommand(ChangeSql.Listen, connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                // Where this instance's feed starts was read at initialization, before any write of this instance.
                last ??= store.Published;
                while (true)
                {
                    last = await ReadAsync(connection, last.Value, stopping);
                    await PruneAsync(connection, stopping);
                    await connection.WaitAsync(store.Options.ChangePollInterval, stopping);
                }
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or StoreException or System.IO.IOException or TimeoutException)
            {
                // Before the first connection, the store's own operations report why it cannot be used.
                if (last is not null)
                    Log.ListenerLost(store.Logger, ex.Message, last.Value);
                try
                {
                    await Task.Delay(RetryDelay, store.Time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes every change after <paramref name="last"/>; returns the new last revision.</summary>
    private async Task<long> ReadAsync(NpgsqlConnection connection, long last, CancellationToken stopping)
    {
        while (true)
        {
            var changes = new List<ResourceChange>();
            long pruned;
            await using (var command = new NpgsqlCommand(ChangeSql.ReadAfter, connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = last });
                command.Parameters.Add(new NpgsqlParameter { Value = ReadLimit });
                await using var reader = await command.ExecuteReaderAsync(stopping);
                pruned = 0;
                while (await reader.ReadAsync(stopping))
                {
                    pruned = reader.GetInt64(6);
                    if (reader.IsDBNull(0))
                        continue;
                    var revision = reader.GetInt64(0);
                    var key = new ResourceKey(reader.GetString(1), reader.GetString(2), reader.GetString(3));
                    changes.Add(reader.IsDBNull(5)
                        ? new ResourceChange(ChangeKind.Delete, key, null, revision)
                        : new ResourceChange(ChangeKind.Put, key, new StoredResource(key, reader.GetString(4), reader.GetString(5), revision), revision));
                }
            }
            if (pruned > last)
            {
                Log.ChangesLost(store.Logger, pruned, last);
                store.Changes.DropAll();
            }
            if (changes.Count == 0)
                return last;
            store.Changes.Publish(changes);
            last = changes[^1].Revision;
            store.Published = last;
            if (changes.Count < ReadLimit)
                return last;
        }
    }

    private async Task PruneAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        var now = store.Time.GetUtcNow();
        if (now < _nextPrune)
            return;
        _nextPrune = now + PruneEvery;
        try
        {
            await using var command = new NpgsqlCommand(ChangeSql.Prune, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = store.Options.ChangeRetention });
            await command.ExecuteNonQueryAsync(stopping);
        }
        catch (PostgresException ex)
        {
            // A standby refuses the delete (read-only); another backend prunes. The listener itself goes on.
            Log.PruneFailed(store.Logger, ex.MessageText);
        }
    }
}
