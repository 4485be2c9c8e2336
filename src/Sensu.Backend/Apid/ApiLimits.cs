namespace Sensu.Backend.Apid;

/// <summary>Limits of the API taken from the backend options.</summary>
public sealed record ApiLimits(long RequestLimit);
