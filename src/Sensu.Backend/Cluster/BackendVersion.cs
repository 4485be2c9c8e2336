using System.Reflection;

namespace Sensu.Backend.Cluster;

/// <summary>Our product version and the Sensu API level we implement (clients gate features on the latter).</summary>
public static class BackendVersion
{
    /// <summary>The Sensu Go release whose API we serve; <c>/version</c> reports it as <c>sensu_backend</c>.</summary>
    public const string SensuApiLevel = "6.14.0";

    public static string Product { get; } =
        typeof(BackendVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.1.0";
}
