namespace Sensu.Backend.Apid;

/// <summary><c>GET /version</c>: <c>sensu_backend</c> is the Sensu API level we serve; <c>sensu_dotnet</c> our own version.</summary>
public sealed record VersionBody(string SensuBackend, string SensuDotnet);
