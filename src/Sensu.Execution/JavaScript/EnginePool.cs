using System.Collections.Concurrent;

namespace Sensu.Execution.JavaScript;

/// <summary>
/// Idle engines for one library set. Renting takes an idle engine or builds one (building costs far more than an
/// evaluation: the built-ins are materialised and frozen, libraries run); returning keeps at most
/// <c>maxIdle</c> engines and disposes the rest, so the pool grows to the evaluation concurrency and no further.
/// </summary>
internal sealed class EnginePool(IReadOnlyList<CachedScript> libraries, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<PooledEngine> _idle = [];
    private int _idleCount;

    public IReadOnlyList<CachedScript> Libraries => libraries;

    public PooledEngine Rent(JavaScriptEngineOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }
        return PooledEngine.Create(options, timeProvider, libraries, cancellationToken);
    }

    public void Return(PooledEngine engine)
    {
        if (Interlocked.Increment(ref _idleCount) <= maxIdle)
        {
            _idle.Add(engine);
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        engine.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var engine))
            engine.Dispose();
    }
}
