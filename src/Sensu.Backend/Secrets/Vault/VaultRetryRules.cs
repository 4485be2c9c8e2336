using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Vault client retry rules (secrets-spec §4.8): retry connection errors, 412, 429 and 5xx except 501; never
/// other 4xx (400, 403, 404) nor TLS verification failures. <c>max_retries</c> extra attempts after the first.
/// </summary>
internal static class VaultRetryRules
{
    public static ResiliencePipeline<HttpResponseMessage> Build(int maxRetries, VaultRetryTiming timing, TimeProvider timeProvider, ILogger logger, string provider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (maxRetries <= 0)
            return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = timing.BaseDelay,
            MaxDelay = timing.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timing.MaxDelay)),
            OnRetry = args =>
            {
                var cause = args.Outcome.Exception is { } ex ? ex.GetType().Name : ((int?)args.Outcome.Result?.StatusCode)?.ToString() ?? "?";
                Log.Retrying(logger, provider, cause, args.AttemptNumber + 1, args.RetryDelay);
                args.Outcome.Result?.Dispose();
                return default;
            },
        }).Build();
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsRetryableStatus(response.StatusCode),
        HttpRequestException ex => !IsTlsFailure(ex),
        _ => false,
    };

    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private static bool IsTlsFailure(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
                return true;
        }
        return false;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        if (response?.Headers.RetryAfter is not { } header)
            return null;
        TimeSpan? delay = header.Delta;
        if (delay is null && header.Date is { } date && response.Headers.Date is { } now)
            delay = date - now;
        if (delay is not { } value)
            return null;
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }
}
