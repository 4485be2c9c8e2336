namespace Sensu.Store;

/// <summary>Tells whether the store answers; <c>/health</c> uses it.</summary>
public interface IStoreHealth
{
    /// <summary>Completes when the store answered a trivial query; throws <see cref="StoreException"/> otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
