using System.Text;

namespace Sensu.Transport.Tests;

public class FrameCodecTests
{
    [Fact]
    public void Round_trips_type_and_payload()
    {
        var frame = FrameCodec.Encode(new TransportMessage(MessageTypes.Event, Encoding.UTF8.GetBytes("{\"a\":\"x\\ny\"}")));

        Assert.Equal("event\n{\"a\":\"x\\ny\"}", Encoding.UTF8.GetString(frame));
        Assert.True(FrameCodec.TryDecode(frame, out var message, out var error));
        Assert.Null(error);
        Assert.Equal(MessageTypes.Event, message.Type);
        Assert.Equal("{\"a\":\"x\\ny\"}", Encoding.UTF8.GetString(message.Payload.Span));
    }

    [Fact]
    public void Empty_payload_is_allowed()
    {
        Assert.True(FrameCodec.TryDecode(Encoding.UTF8.GetBytes("keepalive\n"), out var message, out _));
        Assert.Equal(0, message.Payload.Length);
    }

    [Theory]
    [InlineData("no newline at all")]
    [InlineData("\n{}")]
    public void Malformed_frames_are_reported(string text)
    {
        Assert.False(FrameCodec.TryDecode(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.StartsWith("malformed frame", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_type_is_malformed()
    {
        var text = new string('t', FrameCodec.MaxTypeLength + 1) + "\n{}";
        Assert.False(FrameCodec.TryDecode(Encoding.UTF8.GetBytes(text), out _, out _));
    }
}
