namespace Sensu.Execution.JavaScript;

/// <summary>An ordered list of library sources compared by content: engines are pooled per library set.</summary>
internal sealed class LibrarySetKey : IEquatable<LibrarySetKey>
{
    private readonly string[] _sources;
    private readonly int _hash;

    public LibrarySetKey(IEnumerable<string> sources)
    {
        _sources = sources.ToArray();
        var hash = new HashCode();
        foreach (var source in _sources)
            hash.Add(source, StringComparer.Ordinal);
        _hash = hash.ToHashCode();
    }

    public static LibrarySetKey Empty { get; } = new([]);

    public IReadOnlyList<string> Sources => _sources;

    public bool Equals(LibrarySetKey? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _sources.AsSpan().SequenceEqual(other._sources)));

    public override bool Equals(object? obj) => Equals(obj as LibrarySetKey);

    public override int GetHashCode() => _hash;
}
