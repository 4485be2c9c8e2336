using System.Runtime.CompilerServices;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>
/// A listing read from the store in chunks (keyset pages of at most <c>chunkSize</c> rows) with the API's paging kept:
/// no limit gives every item; a limit gives one Sensu page whose next token (<see cref="Continue"/>) is known before
/// the first item is written. Nothing but the current chunk is held.
/// With a <see cref="ListSelection{T}"/> a page holds only selected items, and as many as the limit asks for while
/// the listing lasts: chunks are read until the page is full, and the next token points after its last item.
/// </summary>
public sealed class ChunkedListing<T>
{
    private readonly Func<PageRequest, CancellationToken, Task<Page<T>>> _read;
    private readonly Func<T, T, int> _order;
    private readonly string? _start;
    private readonly int _chunkSize;
    private Page<T>? _first;
    private bool _firstIsWholePage;
    private T? _boundary;
    private bool _hasBoundary;
    private ListSelection<T>? _selection;
    private List<T>? _held;

    private ChunkedListing(Func<PageRequest, CancellationToken, Task<Page<T>>> read, Func<T, T, int> order, string? start, int chunkSize)
    {
        _read = read;
        _order = order;
        _start = start;
        _chunkSize = chunkSize;
    }

    /// <summary>
    /// Opens a listing of the items <paramref name="selection"/> selects (every item when it is null). A limit no
    /// larger than a chunk holds the page's selected items; a larger one walks the page once to find its end.
    /// </summary>
    public static async Task<ChunkedListing<T>> OpenAsync(
        Func<PageRequest, CancellationToken, Task<Page<T>>> read,
        Func<T, T, int> order,
        PageRequest request,
        int chunkSize,
        ListSelection<T>? selection,
        CancellationToken cancellationToken)
    {
        if (selection is null)
            return await OpenAsync(read, order, request, chunkSize, cancellationToken);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var listing = new ChunkedListing<T>(read, order, request.Continue, chunkSize) { _selection = selection };
        if (request.Limit == 0)
            listing._first = await read(new PageRequest(chunkSize, request.Continue), cancellationToken);
        else
            await listing.FindSelectedBoundaryAsync(request.Limit, cancellationToken);
        return listing;
    }

    /// <summary>The token of the next page (the <c>Sensu-Continue</c> header), or null when this page is the last or there is no limit.</summary>
    public string? Continue { get; private set; }

    /// <summary>
    /// Reads the first chunk (so that a bad token or a missing namespace fails before any byte is sent) and, for a
    /// limit above the chunk size, walks the page once in chunks to learn its last item and the next token.
    /// </summary>
    /// <param name="read">One keyset page of the store.</param>
    /// <param name="order">The store's order of two items' keys (see <see cref="StoreKeyOrder"/>).</param>
    public static async Task<ChunkedListing<T>> OpenAsync(
        Func<PageRequest, CancellationToken, Task<Page<T>>> read,
        Func<T, T, int> order,
        PageRequest request,
        int chunkSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var listing = new ChunkedListing<T>(read, order, request.Continue, chunkSize);
        if (request.Limit == 0 || request.Limit <= chunkSize)
        {
            var size = request.Limit == 0 ? chunkSize : request.Limit;
            listing._first = await read(new PageRequest(size, request.Continue), cancellationToken);
            if (request.Limit > 0)
            {
                listing.Continue = listing._first.Continue;
                listing._firstIsWholePage = true;
            }
            return listing;
        }

        await listing.FindBoundaryAsync(request.Limit, cancellationToken);
        return listing;
    }

    /// <summary>The items in store order, one chunk read at a time.</summary>
    public async IAsyncEnumerable<T> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_held is { } held)
        {
            _held = null;
            foreach (var item in held)
                yield return item;
            yield break;
        }

        if (_first is { } first)
        {
            foreach (var item in first.Items)
            {
                if (_selection is null || await _selection.Selects(item, cancellationToken))
                    yield return item;
            }
            // A page read whole (a limit no larger than a chunk) ends here; otherwise the listing goes on from its token.
            if (_firstIsWholePage || first.Continue is null)
                yield break;
        }

        var token = _first is null ? _start : _first.Continue;
        _first = null;
        while (true)
        {
            var page = await _read(new PageRequest(_chunkSize, token), cancellationToken);
            foreach (var item in page.Items)
            {
                var position = _hasBoundary ? _order(item, _boundary!) : -1;
                if (position > 0)
                    yield break;
                if (_selection is null || await _selection.Selects(item, cancellationToken))
                    yield return item;
                if (position == 0)
                    yield break;
            }
            if (page.Continue is null)
                yield break;
            token = page.Continue;
        }
    }

    /// <summary>Walks a page larger than a chunk, keeping only the last item seen, to learn where it ends.</summary>
    private async Task FindBoundaryAsync(int limit, CancellationToken cancellationToken)
    {
        var token = _start;
        var remaining = limit;
        while (true)
        {
            var page = await _read(new PageRequest(Math.Min(_chunkSize, remaining), token), cancellationToken);
            remaining -= page.Items.Count;
            if (page.Items.Count > 0)
            {
                _boundary = page.Items[^1];
                _hasBoundary = true;
            }
            if (page.Continue is null)
            {
                // The listing ends inside this page: stream to its end, no next token.
                _hasBoundary = false;
                return;
            }
            if (remaining <= 0)
            {
                Continue = page.Continue;
                return;
            }
            token = page.Continue;
        }
    }

    /// <summary>
    /// Reads chunks until <paramref name="limit"/> items are selected or the listing ends. A page that fits in a
    /// chunk is held; a larger one keeps only its last item, and is streamed again from the start.
    /// </summary>
    private async Task FindSelectedBoundaryAsync(int limit, CancellationToken cancellationToken)
    {
        var selection = _selection!;
        var held = limit <= _chunkSize ? new List<T>(limit) : null;
        var token = _start;
        var selected = 0;
        while (true)
        {
            var page = await _read(new PageRequest(_chunkSize, token), cancellationToken);
            for (var i = 0; i < page.Items.Count; i++)
            {
                var item = page.Items[i];
                if (!await selection.Selects(item, cancellationToken))
                    continue;
                held?.Add(item);
                if (++selected < limit)
                    continue;
                // The page is full: it ends here, and goes on after this item if anything follows it.
                var more = i < page.Items.Count - 1 || page.Continue is not null;
                Continue = more ? selection.TokenAfter(item) : null;
                _boundary = item;
                _hasBoundary = held is null;
                _held = held;
                return;
            }
            if (page.Continue is null)
            {
                _held = held;
                _hasBoundary = false;
                return;
            }
            token = page.Continue;
        }
    }
}
