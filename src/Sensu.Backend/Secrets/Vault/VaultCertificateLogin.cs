using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// TLS certificate authentication (secrets-spec §4.7): <c>POST /v1/auth/cert/login</c> over mutual TLS (with
/// <c>name</c> = <c>tls.cname</c> when set) gives a client token; a renewable token is renewed with
/// <c>auth/token/renew-self</c> at two thirds of its lease, any other is replaced by a new login; a token Vault
/// refuses is forgotten. One login at a time; time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class VaultCertificateLogin(VaultTransport transport, string roleName, TimeProvider timeProvider, ILogger logger, string provider)
    : IVaultTokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VaultTokenState? _state;

    public bool CanLogIn => true;

    public string? CurrentToken => Volatile.Read(ref _state)?.Token;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _state)) is { } token)
            return token;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = _state;
            if (Fresh(state) is { } again)
                return again;
            if (state is { Renewable: true } && timeProvider.GetUtcNow() < state.ExpiresAt)
            {
                var renewed = await TryRenewAsync(state.Token, cancellationToken);
                if (renewed is not null)
                {
                    Volatile.Write(ref _state, renewed);
                    return renewed.Token;
                }
            }
            var fresh = await LogInAsync(cancellationToken);
            Volatile.Write(ref _state, fresh);
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token)
    {
        var state = Volatile.Read(ref _state);
        if (state is not null && state.Token == token)
            Interlocked.CompareExchange(ref _state, null, state);
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh(VaultTokenState? state) =>
        state is not null && timeProvider.GetUtcNow() < state.RefreshAt ? state.Token : null;

    private async Task<VaultTokenState> LogInAsync(CancellationToken cancellationToken)
    {
        var body = new VaultCertLoginRequest { Name = roleName.Length > 0 ? roleName : null };
        var (response, attempts) = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "v1/auth/cert/login")
        {
            Content = JsonContent.Create(body, VaultJsonContext.Default.VaultCertLoginRequest),
        }, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await VaultApiException.FromResponseAsync(response, attempts, cancellationToken);
                throw new VaultApiException(error.Status, "TLS certificate login failed: " + error.Message);
            }
            var auth = await ReadAuthAsync(response, cancellationToken)
                ?? throw new VaultApiException(response.StatusCode, "TLS certificate login failed: Vault's answer holds no auth.client_token");
            Log.LoggedIn(logger, provider, auth.LeaseDuration, auth.Renewable);
            return VaultTokenState.From(auth, timeProvider.GetUtcNow());
        }
    }

    private async Task<VaultTokenState?> TryRenewAsync(string token, CancellationToken cancellationToken)
    {
        var (response, _) = await transport.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "v1/auth/token/renew-self") { Content = new StringContent("{}", null, "application/json") };
            request.Headers.TryAddWithoutValidation(VaultSecretProvider.TokenHeader, token);
            return request;
        }, cancellationToken);
        using (response)
        {
            if (response.IsSuccessStatusCode && await ReadAuthAsync(response, cancellationToken) is { LeaseDuration: > 0 } auth)
            {
                Log.TokenRenewed(logger, provider, auth.LeaseDuration);
                return VaultTokenState.From(auth, timeProvider.GetUtcNow());
            }
            Log.RenewalFailed(logger, provider, (int)response.StatusCode);
            return null;
        }
    }

    private static async Task<VaultAuthInfo?> ReadAuthAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(VaultJsonContext.Default.VaultAuthResponse, cancellationToken);
            return body?.Auth is { ClientToken.Length: > 0 } auth ? auth : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
