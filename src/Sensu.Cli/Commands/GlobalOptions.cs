using System.CommandLine;
using Sensu.Cli.Config;

namespace Sensu.Cli.Commands;

/// <summary>sensuctl's global flags, valid on every command.</summary>
public sealed class GlobalOptions
{
    public Option<string?> ApiUrl { get; } = new("--api-url") { Description = "host URL of the Sensu backend API", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key to use for authentication", Recursive = true };

    public Option<string?> ConfigDir { get; } = new("--config-dir") { Description = "path to the directory of sensuctl's configuration files", Recursive = true };

    public Option<string?> CacheDir { get; } = new("--cache-dir") { Description = "path to the directory of sensuctl's cache", Recursive = true };

    public Option<string?> Namespace { get; } = new("--namespace") { Description = "namespace in which to perform the action", Recursive = true };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "timeout of each request, e.g. 15s", Recursive = true };

    public Option<string?> TrustedCaFile { get; } = new("--trusted-ca-file") { Description = "path to a PEM file of trusted CA certificates", Recursive = true };

    public Option<bool?> InsecureSkipTlsVerify { get; } = new("--insecure-skip-tls-verify") { Description = "skip verification of the backend's TLS certificate (insecure)", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(ApiUrl);
        root.Options.Add(ApiKey);
        root.Options.Add(CacheDir);
        root.Options.Add(ConfigDir);
        root.Options.Add(InsecureSkipTlsVerify);
        root.Options.Add(Namespace);
        root.Options.Add(Timeout);
        root.Options.Add(TrustedCaFile);
    }

    public GlobalValues Values(ParseResult result) => new(
        result.GetValue(ApiUrl),
        result.GetValue(ApiKey),
        result.GetValue(ConfigDir),
        result.GetValue(Namespace),
        result.GetValue(Timeout),
        result.GetValue(TrustedCaFile),
        result.GetValue(InsecureSkipTlsVerify));
}
