namespace Sensu.Store.Sqlite.Tests;

/// <summary>A fresh state directory under the temp folder, deleted on dispose.</summary>
public sealed class TempStateDir : IDisposable
{
    public TempStateDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sensu-store-tests", Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    public SqliteStoreOptions Options(int changeFeedCapacity = Sensu.Store.ChangeBroadcaster.DefaultCapacity) =>
        new() { StateDirectory = Path, ChangeFeedCapacity = changeFeedCapacity };

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
