using System.Buffers;
using System.Text.Json;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary>
/// A filter's view of one event (<see cref="FilterEventView.Parse"/>), parsed over a rented buffer. Disposing returns
/// the buffer and the document's own; the <see cref="Root"/> element must not be used after.
/// </summary>
public sealed class FilterEventDocument : IDisposable
{
    private byte[]? _rented;
    private readonly JsonDocument _document;

    internal FilterEventDocument(byte[] rented, int length)
    {
        _rented = rented;
        try
        {
            _document = JsonDocument.Parse(rented.AsMemory(0, length));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            throw;
        }
    }

    public JsonElement Root => _document.RootElement;

    public void Dispose()
    {
        if (_rented is not { } rented)
            return;
        _rented = null;
        _document.Dispose();
        // Cleared: the pool's next renter should not find this event's data in it.
        ArrayPool<byte>.Shared.Return(rented, clearArray: true);
    }
}
