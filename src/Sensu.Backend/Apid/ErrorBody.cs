namespace Sensu.Backend.Apid;

/// <summary>Sensu's error body.</summary>
public sealed record ErrorBody(string Message, int Code);
