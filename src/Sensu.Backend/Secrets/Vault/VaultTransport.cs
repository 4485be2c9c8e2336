using System.Threading.RateLimiting;
using Polly;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Sends requests to Vault: each attempt waits for the rate limiter, then goes out on the provider's own
/// <see cref="HttpClient"/>; transient failures are retried by the Polly pipeline.
/// </summary>
internal sealed class VaultTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly RateLimiter? _pacer;

    public VaultTransport(HttpClient http, ResiliencePipeline<HttpResponseMessage> retry, RateLimiter? pacer)
    {
        _http = http;
        _retry = retry;
        _pacer = pacer;
    }

    /// <summary>
    /// Sends the request <paramref name="create"/> builds (a fresh one per attempt). Returns the final response,
    /// successful or not, with the number of attempts made; throws what the last attempt threw.
    /// </summary>
    public async Task<(HttpResponseMessage Response, int Attempts)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var response = await _retry.ExecuteAsync(async ct =>
        {
            attempts++;
            if (_pacer is not null)
            {
                using var lease = await _pacer.AcquireAsync(1, ct);
                if (!lease.IsAcquired)
                    throw new HttpRequestException("the client-side rate limiter refused the request");
            }
            using var request = create();
            request.Headers.TryAddWithoutValidation("X-Vault-Request", "true");
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);
        return (response, attempts);
    }

    public void Dispose()
    {
        _http.Dispose();
        _pacer?.Dispose();
    }
}
