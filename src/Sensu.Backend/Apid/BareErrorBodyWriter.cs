using System.IO.Pipelines;

namespace Sensu.Backend.Apid;

/// <summary>
/// The API connection's output with <see cref="BareErrorResponse"/> applied: every write passes straight through
/// (no copy) unless it is a complete, bodiless Kestrel error header block, which is replaced before it is committed.
/// </summary>
public sealed class BareErrorBodyWriter(PipeWriter inner) : PipeWriter
{
    private Memory<byte> _last;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => (_last = inner.GetMemory(sizeHint)).Span;

    public override void Advance(int bytes)
    {
        if (bytes >= BareErrorResponse.MinimumLength && bytes <= _last.Length
            && BareErrorResponse.Rewrite(_last.Span[..bytes]) is { } replacement)
        {
            // Nothing was committed yet: asking again for memory starts at the same position.
            var span = inner.GetSpan(replacement.Length);
            replacement.CopyTo(span);
            inner.Advance(replacement.Length);
            _last = default;
            return;
        }
        _last = default;
        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;
}
