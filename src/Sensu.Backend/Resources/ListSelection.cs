namespace Sensu.Backend.Resources;

/// <summary>
/// Which items of a <see cref="ChunkedListing{T}"/> a page holds (<paramref name="Selects"/>), and the continue
/// token that resumes the listing after an item (<paramref name="TokenAfter"/>: the store's token for that key).
/// </summary>
public sealed record ListSelection<T>(Func<T, CancellationToken, ValueTask<bool>> Selects, Func<T, string> TokenAfter);
