namespace Sensu.Testing.Processes;

/// <summary>How <see cref="BackendProcess.StartAsync(IReadOnlyList{string}, IReadOnlyDictionary{string, string}, BackendProcessSetup, CancellationToken)"/> prepares the child.</summary>
public sealed class BackendProcessSetup
{
    public static BackendProcessSetup Default { get; } = new();

    /// <summary>The child's umask in octal (e.g. <c>000</c>), set by <c>/bin/sh</c> before it execs dotnet; null keeps the test runner's.</summary>
    public string? Umask { get; init; }

    /// <summary>Runs before the start with the state directory and cache directory paths (neither exists yet), e.g. to pre-create them.</summary>
    public Action<string, string>? Prepare { get; init; }
}
