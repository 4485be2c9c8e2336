using System.Threading.Channels;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// Group commit of event puts: callers queue their put and wait; <see cref="PostgresStoreOptions.BatchWorkers"/>
/// workers each take everything queued (up to <see cref="PostgresStoreOptions.BatchSize"/>) and write it with one
/// multi-row upsert (<c>unnest</c> of arrays), which commits as one statement. A put completes only after its row is
/// committed; concurrent puts share the commit. Per batch: one round trip for the namespace check and the revisions,
/// one for the upsert. A batch refused for its data is retried put by put, so one bad put fails alone.
/// </summary>
internal sealed class PostgresEventBatcher : IAsyncDisposable
{
    private readonly PostgresStore _store;
    private readonly Channel<PendingEventPut> _queue;
    private readonly Task[] _workers;
    private readonly int _batchSize;
    private long _batches;

    public PostgresEventBatcher(PostgresStore store)
    {
        _store = store;
        var options = store.Options;
        _batchSize = Math.Max(1, options.BatchSize);
        _queue = options.BatchBuffer > 0
            ? Channel.CreateBounded<PendingEventPut>(new BoundedChannelOptions(options.BatchBuffer) { FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<PendingEventPut>();
        _workers = new Task[Math.Max(1, options.BatchWorkers)];
        for (var i = 0; i < _workers.Length; i++)
            _workers[i] = Task.Run(RunAsync);
    }

    /// <summary>How many batches were committed (tests: concurrent puts share commits).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    public async Task<long> PutAsync(EventKey key, byte[] json, CancellationToken cancellationToken)
    {
        var pending = new PendingEventPut(key, json, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            try
            {
                await _queue.Writer.WriteAsync(pending, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new ObjectDisposedException(nameof(PostgresStore), $"postgres store {_store.Server} is closed");
            }
        }
        using (cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static state => ((PendingEventPut)state!).TryCancel(), pending) : default)
        {
            return await pending.Completion.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingEventPut>(_batchSize);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _batchSize && reader.TryRead(out var queued))
            {
                if (queued.TryTake())
                    batch.Add(queued);
            }
            if (batch.Count == 0)
                continue;
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception ex) when (PostgresConditions.IsDataError(ex) && batch.Count > 1)
            {
                foreach (var put in batch)
                    await WriteAloneAsync(put);
            }
            catch (Exception ex)
            {
                Fail(batch, ex);
            }
        }
    }

    private async Task WriteAloneAsync(PendingEventPut put)
    {
        try
        {
            await WriteAsync([put]);
        }
        catch (Exception ex)
        {
            Fail([put], ex);
        }
    }

    private void Fail(IEnumerable<PendingEventPut> puts, Exception ex)
    {
        var error = PostgresConditions.IsStoreFailure(ex) ? _store.Unavailable(ex) : ex;
        foreach (var put in puts)
            put.Completion.TrySetException(error);
    }

    private async Task WriteAsync(List<PendingEventPut> batch)
    {
        await using var connection = await _store.OpenAsync(CancellationToken.None);
        var namespaces = batch.Select(p => p.Key.Namespace).Distinct(StringComparer.Ordinal).ToArray();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var revisions = new List<long>(batch.Count);
        await using (var prepare = new NpgsqlBatch(connection))
        {
            prepare.BatchCommands.Add(Command(CommonSql.NamespacesExisting, StoreKinds.Namespaces, namespaces));
            prepare.BatchCommands.Add(Command(CommonSql.NextRevisions, batch.Count));
            await using var reader = await prepare.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
                existing.Add(reader.GetString(0));
            await reader.NextResultAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
                revisions.Add(reader.GetInt64(0));
        }

        // The last put of a key wins; earlier ones of the same key in this batch are superseded at once.
        var accepted = new List<(PendingEventPut Put, long Revision)>(batch.Count);
        var rowOf = new Dictionary<EventKey, int>();
        var rows = new List<int>(batch.Count);
        foreach (var put in batch)
        {
            if (!existing.Contains(put.Key.Namespace))
            {
                put.Completion.TrySetException(new NamespaceNotFoundException(put.Key.Namespace));
                continue;
            }
            accepted.Add((put, revisions[accepted.Count]));
            if (rowOf.TryGetValue(put.Key, out var row))
                rows[row] = accepted.Count - 1;
            else
            {
                rowOf.Add(put.Key, rows.Count);
                rows.Add(accepted.Count - 1);
            }
        }
        if (rows.Count != 0)
        {
            var ns = new string[rows.Count];
            var entities = new string[rows.Count];
            var checks = new string[rows.Count];
            var documents = new byte[rows.Count][];
            var revs = new long[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var (put, revision) = accepted[rows[i]];
                (ns[i], entities[i], checks[i], documents[i], revs[i]) = (put.Key.Namespace, put.Key.Entity, put.Key.Check, put.Json, revision);
            }
            await using var upsert = new NpgsqlCommand(EventSql.UpsertMany, connection);
            foreach (var value in (object[])[ns, entities, checks, documents, revs])
                upsert.Parameters.Add(new NpgsqlParameter { Value = value });
            await upsert.ExecuteNonQueryAsync(CancellationToken.None);
        }
        Interlocked.Increment(ref _batches);
        foreach (var (put, revision) in accepted)
            put.Completion.TrySetResult(revision);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
