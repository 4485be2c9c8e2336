using System.Threading.Channels;
using Sensu.Backend.Keepalived;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Agentd;

/// <summary>Keepalived's seam, recorded: every keepalive Agentd passes on lands in <see cref="Received"/>.</summary>
internal sealed class RecordingKeepaliveReceiver : IKeepaliveReceiver
{
    private readonly Channel<Event> received = Channel.CreateUnbounded<Event>();

    public ChannelReader<Event> Received => received.Reader;

    public Task ReceiveAsync(Event keepalive, CancellationToken cancellationToken)
    {
        received.Writer.TryWrite(keepalive);
        return Task.CompletedTask;
    }

    /// <summary>The next keepalive, or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<Event?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
