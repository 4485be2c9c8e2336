using System.Collections.Concurrent;

namespace Sensu.Execution.Assets;

/// <summary>
/// Exclusive right to install one sha512: a semaphore per sha512 inside the process, then an exclusive lock on
/// <c>&lt;cache&gt;/.locks/&lt;sha512&gt;.lock</c> (FileShare.None, an advisory <c>flock</c> on Unix) against other processes
/// sharing the cache directory. The lock file is left in place; holding it, not its existence, is the lock.
/// </summary>
internal sealed class AssetInstallLock : IAsyncDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _semaphore;
    private readonly FileStream _file;

    private AssetInstallLock(SemaphoreSlim semaphore, FileStream file)
    {
        _semaphore = semaphore;
        _file = file;
    }

    public static async Task<AssetInstallLock> AcquireAsync(ConcurrentDictionary<string, SemaphoreSlim> semaphores, string cacheDirectory, string sha512, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var semaphore = semaphores.GetOrAdd(sha512, static _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        try
        {
            var directory = Path.Combine(cacheDirectory, ".locks");
            AssetCachePermissions.CreateDirectory(directory);
            var path = Path.Combine(directory, sha512 + ".lock");
            while (true)
            {
                try
                {
                    return new AssetInstallLock(semaphore, AssetCachePermissions.CreateFile(path, FileMode.OpenOrCreate, FileAccess.ReadWrite));
                }
                catch (IOException)
                {
                    await Task.Delay(RetryInterval, timeProvider, cancellationToken);
                }
            }
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _semaphore.Release();
    }
}
