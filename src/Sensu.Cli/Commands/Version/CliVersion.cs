using System.Reflection;

namespace Sensu.Cli.Commands.Version;

/// <summary>sensuctl's product version and the Sensu release whose command line it follows.</summary>
public static class CliVersion
{
    public const string SensuApiLevel = "6.14.0";

    public static string Product { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.1.0";

    /// <summary>Sensu's line shape: <c>sensuctl version X, community edition</c>, plus the level we follow.</summary>
    public static string Line => $"sensuctl version {Product}, community edition, compatible with Sensu {SensuApiLevel}";
}
