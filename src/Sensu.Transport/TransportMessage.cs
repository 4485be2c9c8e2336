namespace Sensu.Transport;

/// <summary>One protocol message: its type and its JSON payload (the bytes after the first newline of a frame).</summary>
public readonly record struct TransportMessage(string Type, ReadOnlyMemory<byte> Payload);
