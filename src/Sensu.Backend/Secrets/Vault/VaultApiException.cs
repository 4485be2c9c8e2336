using System.Net;
using System.Text.Json;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>Vault answered with an error status; the message carries Vault's <c>errors</c> list, never a token.</summary>
internal sealed class VaultApiException : Exception
{
    public VaultApiException(HttpStatusCode status, string message) : base(message) => Status = status;

    public VaultApiException() { }

    public VaultApiException(string message) : base(message) { }

    public VaultApiException(string message, Exception inner) : base(message, inner) { }

    public HttpStatusCode Status { get; }

    /// <summary>Reads Vault's error body of <paramref name="response"/> into a message.</summary>
    public static async Task<VaultApiException> FromResponseAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var errors = await ReadErrorsAsync(response, cancellationToken);
        var cause = errors.Count > 0 ? string.Join("; ", errors) : DefaultCause(status);
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        return new VaultApiException(status, $"Vault answered {(int)status} {response.ReasonPhrase ?? status.ToString()}{tries}: {cause}");
    }

    private static string DefaultCause(HttpStatusCode status) => (int)status switch
    {
        403 => "permission denied",
        404 => "not found",
        429 => "too many requests",
        503 => "Vault is sealed or in maintenance",
        _ => "no error detail",
    };

    private static async Task<List<string>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (stream)
            {
                var body = await JsonSerializer.DeserializeAsync(stream, VaultJsonContext.Default.VaultErrorResponse, cancellationToken);
                return body?.Errors?.Where(e => !string.IsNullOrWhiteSpace(e)).ToList() ?? [];
            }
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
