using Sensu.Core.Configuration;
using Sensu.Core.Validation;

namespace Sensu.Agent.Configuration;

/// <summary>
/// Reads <see cref="AgentOptions"/> with Sensu's precedence: a flag given on the command line, then its
/// <c>SENSU_*</c> variable, then the same key in <c>agent.yml</c>, then the default; validated before use.
/// </summary>
public static class AgentSettings
{
    public static AgentOptions Load(IReadOnlyDictionary<string, string> flags, Func<string, string?> environment) =>
        SettingsBinder.Bind(AgentFlags.Table, flags, environment);

    /// <summary>Sensu's default agent name: the host name.</summary>
    public static string DefaultName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Environment.MachineName;
        }
    }

    public static void Validate(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        try
        {
            Validators.Name(options.Name, "agent name");
        }
        catch (ResourceValidationException ex)
        {
            errors.Add(ex.Message);
        }
        if (string.IsNullOrWhiteSpace(options.Namespace))
            errors.Add("namespace must not be empty");
        if (options.BackendUrls.Count == 0)
            errors.Add("at least one backend-url is required");
        foreach (var url in options.BackendUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
                errors.Add($"backend-url \"{url}\" must be a ws:// or wss:// URL");
        }
        Port(errors, "api-port", options.ApiPort);
        Port(errors, "socket-port", options.SocketPort);
        Port(errors, "statsd-metrics-port", options.StatsdMetricsPort);
        Positive(errors, "keepalive-interval", options.KeepaliveInterval);
        Positive(errors, "keepalive-warning-timeout", options.KeepaliveWarningTimeout);
        Positive(errors, "statsd-flush-interval", options.StatsdFlushInterval);
        Positive(errors, "backend-handshake-timeout", options.BackendHandshakeTimeout);
        Positive(errors, "backend-heartbeat-interval", options.BackendHeartbeatInterval);
        if (options.KeepaliveCriticalTimeout < 0)
            errors.Add("keepalive-critical-timeout must not be negative");
        if (options.KeepaliveCriticalTimeout > 0 && options.KeepaliveCriticalTimeout < options.KeepaliveWarningTimeout)
            errors.Add("keepalive-critical-timeout must be greater than or equal to keepalive-warning-timeout");
        if (options.RetryMin <= TimeSpan.Zero || options.RetryMax < options.RetryMin)
            errors.Add("retry-min must be positive and retry-max at least retry-min");
        if (options.RetryMultiplier < 1.0)
            errors.Add("retry-multiplier must be at least 1");
        if (string.IsNullOrEmpty(options.CertFile) != string.IsNullOrEmpty(options.KeyFile))
            errors.Add("cert-file and key-file must be given together");
        foreach (var (flag, path) in new[] { ("cert-file", options.CertFile), ("key-file", options.KeyFile), ("trusted-ca-file", options.TrustedCaFile), ("allow-list", options.AllowList) })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
                errors.Add($"{flag} \"{path}\" does not exist");
        }
        if (!double.IsFinite(options.AssetsRateLimit) || options.AssetsRateLimit < 0 || options.AssetsBurstLimit < 0)
            errors.Add("assets-rate-limit and assets-burst-limit must not be negative");
        if (!double.IsFinite(options.EventsRateLimit) || options.EventsRateLimit < 0)
            errors.Add("events-rate-limit must be a number of events per second, 0 or more (0: no limit)");
        if (options.EventsBurstLimit < 0)
            errors.Add("events-burst-limit must not be negative");
        if (errors.Count > 0)
            throw new SettingsException(string.Join("; ", errors));
    }

    private static void Port(List<string> errors, string name, int value)
    {
        if (value is < 0 or > 65535)
            errors.Add($"{name} must be between 0 and 65535");
    }

    private static void Positive(List<string> errors, string name, int value)
    {
        if (value <= 0)
            errors.Add($"{name} must be greater than 0");
    }
}
