namespace Sensu.Cli.Config;

/// <summary>The values of sensuctl's global flags as given on one command line (null = not given).</summary>
public sealed record GlobalValues(
    string? ApiUrl = null,
    string? ApiKey = null,
    string? ConfigDir = null,
    string? Namespace = null,
    string? Timeout = null,
    string? TrustedCaFile = null,
    bool? InsecureSkipTlsVerify = null);
