using System.Text;

namespace Sensu.Transport;

/// <summary>Encodes and decodes WebSocket messages as <c>&lt;type&gt;\n&lt;payload&gt;</c> (core-spec §6.1).</summary>
public static class FrameCodec
{
    /// <summary>Longest message type accepted; a longer first line is a malformed frame.</summary>
    public const int MaxTypeLength = 64;

    public static byte[] Encode(TransportMessage message)
    {
        var type = Encoding.UTF8.GetBytes(message.Type);
        var frame = new byte[type.Length + 1 + message.Payload.Length];
        type.CopyTo(frame, 0);
        frame[type.Length] = (byte)'\n';
        message.Payload.Span.CopyTo(frame.AsSpan(type.Length + 1));
        return frame;
    }

    /// <summary>Splits a frame; false with a reason when it has no newline or an empty or over-long type.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> frame, out TransportMessage message, out string? error)
    {
        message = default;
        var newline = frame.Span.IndexOf((byte)'\n');
        if (newline < 0)
        {
            error = "malformed frame: no message type line";
            return false;
        }
        if (newline == 0 || newline > MaxTypeLength)
        {
            error = "malformed frame: message type is empty or longer than " + MaxTypeLength + " bytes";
            return false;
        }
        message = new TransportMessage(Encoding.UTF8.GetString(frame.Span[..newline]), frame[(newline + 1)..]);
        error = null;
        return true;
    }
}
