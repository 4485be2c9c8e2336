using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>Vault client log messages, event ids 7100–7199. Never a token or a secret value.</summary>
internal static partial class Log
{
    [LoggerMessage(7100, LogLevel.Debug, "vault provider {Provider}: retrying after {Cause}, attempt {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, string cause, int attempt, TimeSpan delay);

    [LoggerMessage(7101, LogLevel.Information, "vault provider {Provider}: logged in with the TLS client certificate (lease {LeaseSeconds} s, renewable {Renewable})")]
    public static partial void LoggedIn(ILogger logger, string provider, long leaseSeconds, bool renewable);

    [LoggerMessage(7102, LogLevel.Debug, "vault provider {Provider}: token renewed (lease {LeaseSeconds} s)")]
    public static partial void TokenRenewed(ILogger logger, string provider, long leaseSeconds);

    [LoggerMessage(7103, LogLevel.Information, "vault provider {Provider}: token renewal answered {Status}, logging in again")]
    public static partial void RenewalFailed(ILogger logger, string provider, int status);

    [LoggerMessage(7104, LogLevel.Information, "vault provider {Provider}: token refused (403), logging in again")]
    public static partial void TokenRefused(ILogger logger, string provider);

    [LoggerMessage(7105, LogLevel.Debug, "vault provider {Provider}: cannot get secret {Id}: {Reason}")]
    public static partial void LookupFailed(ILogger logger, string provider, string id, string reason);
}
