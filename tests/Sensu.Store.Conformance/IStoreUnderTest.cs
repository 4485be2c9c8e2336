namespace Sensu.Store.Conformance;

/// <summary>A fresh, empty store instance with every role a provider implements; disposed after each test.</summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    IResourceReader Reader { get; }

    IResourceWriter Writer { get; }

    IEventStore Events { get; }

    IEventRevisionReader Revisions { get; }

    IChangeFeed Feed { get; }

    IStoreHealth Health { get; }
}
