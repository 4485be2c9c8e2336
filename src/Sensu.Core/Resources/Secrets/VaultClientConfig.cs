using System.Text.Json.Serialization;
using Sensu.Core.Json;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// A VaultProvider's <c>spec.client</c>. Omitted <c>max_retries</c> and <c>timeout</c> take the Vault client's
/// defaults (2 and 60 s) and are echoed back (secrets-spec §10 scenario 3, our documented choice).
/// </summary>
public sealed class VaultClientConfig : IJsonOnDeserialized
{
    public const string KvV1 = "v1";
    public const string KvV2 = "v2";
    public const int DefaultMaxRetries = 2;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public string Address { get; set; } = "";

    /// <summary>
    /// Vault token for token authentication; null when TLS client-certificate authentication is used. Written as
    /// <c>""</c> then, as Sensu writes every client field.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(EmptyWhenNullStringConverter))]
    public string? Token { get; set; }

    /// <summary>KV secrets engine version: <c>v1</c> or <c>v2</c>.</summary>
    public string Version { get; set; } = "";

    /// <summary>Written as <c>null</c> when not configured, like Sensu.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public VaultTlsConfig? Tls { get; set; }

    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>Per-request deadline; read as <c>"20s"</c> or a number of seconds, written as a Go duration.</summary>
    [JsonConverter(typeof(GoDurationJsonConverter))]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Written as <c>null</c> when not configured, like <see cref="Tls"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public VaultRateLimiter? RateLimiter { get; set; }

    public string AgentAddress { get; set; } = "";

    /// <summary>True when the client authenticates with a TLS client certificate instead of a token.</summary>
    [JsonIgnore]
    public bool UsesCertificateAuth => !string.IsNullOrEmpty(Tls?.ClientCert);

    public void Validate()
    {
        if (string.IsNullOrEmpty(Address))
            throw new ResourceValidationException("client address must not be empty");
        if (!Uri.TryCreate(Address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ResourceValidationException($"client address {Address} is not an http or https URL");
        if (string.IsNullOrEmpty(Token) && !UsesCertificateAuth)
            throw new ResourceValidationException("client token must not be empty unless tls client_cert authentication is configured");
        if (Version != KvV1 && Version != KvV2)
            throw new ResourceValidationException($"client version must be {KvV1} or {KvV2}, not \"{Version}\"");
        if (MaxRetries < 0)
            throw new ResourceValidationException("client max_retries must not be negative");
        if (Timeout < TimeSpan.Zero)
            throw new ResourceValidationException("client timeout must not be negative");
        if (Tls is not null && !string.IsNullOrEmpty(Tls.ClientCert) != !string.IsNullOrEmpty(Tls.ClientKey))
            throw new ResourceValidationException("client tls client_cert and client_key must be set together");
        RateLimiter?.Validate();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Address ??= "";
        if (Token is { Length: 0 }) Token = null;
        Version ??= "";
        AgentAddress ??= "";
    }
}
