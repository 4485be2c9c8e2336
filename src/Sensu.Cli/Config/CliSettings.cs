using Sensu.Cli.Output;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Cli.Config;

/// <summary>
/// The settings one command runs with. Precedence for each value: command-line flag &gt; <c>SENSU_*</c>
/// environment variable &gt; <c>cluster</c>/<c>profile</c> file &gt; default (core-spec §10).
/// </summary>
public sealed class CliSettings
{
    public const string DefaultApiUrl = "http://localhost:8080";
    public const string DefaultNamespace = "default";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public required ConfigFiles Files { get; init; }

    public required ClusterConfig Cluster { get; init; }

    public required ProfileConfig Profile { get; init; }

    public required string ApiUrl { get; init; }

    public required string Namespace { get; init; }

    public required OutputFormat Format { get; init; }

    public required TimeSpan Timeout { get; init; }

    public string? ApiKey { get; init; }

    public string? TrustedCaFile { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? AccessToken { get; init; }

    public long ExpiresAt { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>Tokens came from the environment: refreshed ones are used but not written to the cluster file.</summary>
    public bool TokensFromEnvironment { get; init; }

    public static CliSettings Resolve(GlobalValues flags, CliIo io)
    {
        var files = new ConfigFiles(ConfigFiles.ResolveDirectory(flags.ConfigDir, io.Env));
        var cluster = files.LoadCluster();
        var profile = files.LoadProfile();
        var envToken = io.Env("SENSU_ACCESS_TOKEN");
        return new CliSettings
        {
            Files = files,
            Cluster = cluster,
            Profile = profile,
            ApiUrl = First(flags.ApiUrl, io.Env("SENSU_API_URL"), cluster.ApiUrl) ?? DefaultApiUrl,
            Namespace = First(flags.Namespace, io.Env("SENSU_NAMESPACE"), profile.Namespace) ?? DefaultNamespace,
            Format = OutputFormats.Parse(First(io.Env("SENSU_FORMAT"), profile.Format) ?? "tabular"),
            Timeout = ParseTimeout(First(flags.Timeout, io.Env("SENSU_TIMEOUT")), cluster.Timeout),
            ApiKey = First(flags.ApiKey, io.Env("SENSU_API_KEY"), cluster.ApiKey),
            TrustedCaFile = First(flags.TrustedCaFile, io.Env("SENSU_TRUSTED_CA_FILE"), cluster.TrustedCaFile),
            InsecureSkipTlsVerify = flags.InsecureSkipTlsVerify
                ?? ParseBool(io.Env("SENSU_INSECURE_SKIP_TLS_VERIFY"), "SENSU_INSECURE_SKIP_TLS_VERIFY")
                ?? cluster.InsecureSkipTlsVerify,
            AccessToken = envToken ?? cluster.AccessToken,
            ExpiresAt = envToken is null
                ? cluster.ExpiresAt
                : ParseLong(io.Env("SENSU_ACCESS_TOKEN_EXPIRES_AT"), "SENSU_ACCESS_TOKEN_EXPIRES_AT"),
            RefreshToken = envToken is null ? cluster.RefreshToken : io.Env("SENSU_REFRESH_TOKEN"),
            TokensFromEnvironment = envToken is not null,
        };
    }

    /// <summary>Parses a Go duration (<c>15s</c>, <c>1m30s</c>) or a bare number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        if (GoDuration.TryParse(text, out var value))
            return value;
        throw new CliException($"invalid duration \"{text}\" (use a value such as 15s or 1m)");
    }

    private static TimeSpan ParseTimeout(string? text, long fileNanoseconds)
    {
        if (text is not null)
            return ParseDuration(text);
        return fileNanoseconds > 0 ? TimeSpan.FromTicks(fileNanoseconds / 100) : DefaultTimeout;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static bool? ParseBool(string? text, string name)
    {
        if (text is null)
            return null;
        return bool.TryParse(text, out var value) ? value
            : text == "1" ? true : text == "0" ? false
            : throw new CliException($"{name}: \"{text}\" is not a boolean");
    }

    private static long ParseLong(string? text, string name)
    {
        if (text is null)
            return 0;
        return long.TryParse(text, out var value) ? value : throw new CliException($"{name}: \"{text}\" is not a number");
    }
}
