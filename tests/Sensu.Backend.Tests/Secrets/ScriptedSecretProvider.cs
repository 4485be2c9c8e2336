using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>A provider at the edge: answers from a dictionary, counts calls, and can be held until released.</summary>
internal sealed class ScriptedSecretProvider(string name, TimeSpan? lease = null) : ISecretProvider, IDisposable
{
    private int _calls;

    public string Name { get; } = name;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every call waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public bool Disposed { get; private set; }

    public async Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
            await gate.Task.WaitAsync(cancellationToken);
        if (!Values.TryGetValue(id, out var value))
            throw new SecretLookupException($"{Name}: secret not found: {id}");
        return new SecretLookup(new SecretValue(value), lease);
    }

    public void Dispose() => Disposed = true;
}
