namespace Sensu.Backend.Apid;

/// <summary>
/// Limits of the API taken from the backend options; <paramref name="ListChunkSize"/> is how many rows a list reads
/// from the store at a time while it streams.
/// </summary>
public sealed record ApiLimits(long RequestLimit, int ListChunkSize = ApiLimits.DefaultListChunkSize)
{
    public const int DefaultListChunkSize = 500;
}
