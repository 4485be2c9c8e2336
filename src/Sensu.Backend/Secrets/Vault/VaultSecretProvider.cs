using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// A HashiCorp Vault client built from a <see cref="VaultProvider"/> (secrets-spec §4.6–4.8, §7): reads KV v1 or
/// v2 secrets by <c>path#key</c> or <c>mount#path#key</c>, with token or TLS certificate authentication, Vault's
/// retry rules, a rate limiter, and <c>client.timeout</c> as a hard deadline over the whole lookup.
/// </summary>
public sealed class VaultSecretProvider : ISecretProvider, IDisposable
{
    internal const string TokenHeader = "X-Vault-Token";

    private readonly VaultTransport _transport;
    private readonly IVaultTokenSource _tokens;
    private readonly ResiliencePipeline _deadline;
    private readonly TimeSpan _timeout;
    private readonly string _kvVersion;
    private readonly ILogger _logger;

    private VaultSecretProvider(string name, VaultTransport transport, IVaultTokenSource tokens, ResiliencePipeline deadline, TimeSpan timeout, string kvVersion, ILogger logger)
    {
        Name = name;
        _transport = transport;
        _tokens = tokens;
        _deadline = deadline;
        _timeout = timeout;
        _kvVersion = kvVersion;
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>
    /// Builds the client for <paramref name="resource"/>. Throws <see cref="VaultProviderBuildException"/> naming
    /// the cause when the configuration is invalid or a TLS file cannot be loaded.
    /// </summary>
    public static VaultSecretProvider Create(VaultProvider resource, TimeProvider timeProvider, ILogger? logger = null) =>
        Create(resource, timeProvider, logger ?? NullLogger.Instance, VaultRetryTiming.Default);

    internal static VaultSecretProvider Create(VaultProvider resource, TimeProvider timeProvider, ILogger logger, VaultRetryTiming timing)
    {
        var name = resource.Metadata.Name ?? "";
        var client = resource.Client;
        try
        {
            client.Validate();
        }
        catch (Exception ex) when (ex is not VaultProviderBuildException)
        {
            throw new VaultProviderBuildException($"vault provider \"{name}\": {ex.Message}", ex);
        }
        if (client.Token is { } token && token.Any(c => char.IsControl(c) || c > '\u007e'))
            throw new VaultProviderBuildException($"vault provider \"{name}\": client token must contain printable ASCII characters only");
        var address = new Uri(client.Address.EndsWith('/') ? client.Address : client.Address + "/", UriKind.Absolute);
        SocketsHttpHandler handler;
        try
        {
            handler = VaultHttpHandlerFactory.Create(client.Tls);
        }
        catch (VaultProviderBuildException ex)
        {
            throw new VaultProviderBuildException($"vault provider \"{name}\": {ex.Message}", ex);
        }
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        var transport = new VaultTransport(http, VaultRetryRules.Build(client.MaxRetries, timing, timeProvider, logger, name), VaultRequestPacer.Create(client.RateLimiter));
        IVaultTokenSource tokens = client.UsesCertificateAuth && string.IsNullOrEmpty(client.Token)
            ? new VaultCertificateLogin(transport, client.Tls?.Cname ?? "", timeProvider, logger, name)
            : new VaultStaticToken(client.Token ?? "");
        var timeout = client.Timeout > TimeSpan.Zero ? client.Timeout : VaultClientConfig.DefaultTimeout;
        timeout = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromDays(1).Ticks));
        var deadline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(timeout).Build();
        return new VaultSecretProvider(name, transport, tokens, deadline, timeout, client.Version, logger);
    }

    public async Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!VaultSecretPath.TryParse(id, _kvVersion, out var path, out var invalid))
            throw Fail(id, SecretErrorKind.InvalidSecretInfo, $"invalid secret info: invalid id: {invalid}");
        try
        {
            return await _deadline.ExecuteAsync(static (state, ct) => new ValueTask<SecretLookup>(state.Self.LookupAsync(state.Path, ct)),
                (Self: this, Path: path), cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(id, SecretErrorKind.ProviderNotAvailable, $"no answer from Vault within the {GoDuration.Format(_timeout)} timeout", ex);
        }
        catch (VaultApiException ex)
        {
            throw Fail(id, KindOf(ex.Status), ex.Message);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(id, SecretErrorKind.ProviderNotAvailable, Describe(ex), ex);
        }
    }

    /// <summary>
    /// 404 (no secret, no key, deleted) and a key that is not a string: the secret is not found; everything else
    /// Vault answers after the retries (403, 412, 429, 5xx, a body that is not a KV answer) means the provider
    /// cannot serve.
    /// </summary>
    internal static SecretErrorKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity => SecretErrorKind.SecretNotFound,
        _ => SecretErrorKind.ProviderNotAvailable,
    };

    public void Dispose()
    {
        _tokens.Dispose();
        _transport.Dispose();
    }

    private async Task<SecretLookup> LookupAsync(VaultSecretPath path, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken);
        var (response, attempts) = await ReadAsync(path, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden && _tokens.CanLogIn)
        {
            response.Dispose();
            Log.TokenRefused(_logger, Name);
            _tokens.Invalidate(token);
            token = await _tokens.GetTokenAsync(cancellationToken);
            (response, attempts) = await ReadAsync(path, token, cancellationToken);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new VaultApiException(HttpStatusCode.NotFound, $"secret not found: Vault has no secret at {path.RequestPath}");
            if (!response.IsSuccessStatusCode)
                throw await VaultApiException.FromResponseAsync(response, attempts, cancellationToken);
            return await VaultSecretReader.ReadAsync(response, path, _kvVersion, cancellationToken);
        }
    }

    private Task<(HttpResponseMessage Response, int Attempts)> ReadAsync(VaultSecretPath path, string token, CancellationToken cancellationToken) =>
        _transport.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path.RelativeUri);
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
            return request;
        }, cancellationToken);

    private SecretLookupException Fail(string id, SecretErrorKind kind, string reason, Exception? inner = null)
    {
        if (_tokens.CurrentToken is { Length: > 0 } token)
            reason = reason.Replace(token, SecretValue.Redacted, StringComparison.Ordinal);
        if (kind == SecretErrorKind.ProviderNotAvailable && !reason.StartsWith(SecretLookupException.NotAvailablePrefix, StringComparison.Ordinal))
            reason = SecretLookupException.NotAvailablePrefix + reason;
        else if (kind == SecretErrorKind.SecretNotFound && !reason.StartsWith(SecretLookupException.NotFoundPrefix, StringComparison.Ordinal))
            reason = SecretLookupException.NotFoundPrefix + reason;
        Log.LookupFailed(_logger, Name, id, reason);
        var message = $"vault provider \"{Name}\": cannot get secret \"{id}\": {reason}";
        return new SecretLookupException(kind, message, inner);
    }

    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var text = e.Message;
            var see = text.IndexOf("see inner exception", StringComparison.OrdinalIgnoreCase);
            if (see >= 0)
                text = text[..see];
            text = text.TrimEnd(',', ' ', '.');
            if (text.Length > 0 && !parts.Contains(text))
                parts.Add(text);
        }
        return string.Join(": ", parts);
    }
}
