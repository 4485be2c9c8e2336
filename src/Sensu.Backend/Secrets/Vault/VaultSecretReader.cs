using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Takes the field out of a successful KV read: <c>data.&lt;key&gt;</c> (v1, with <c>lease_duration</c> as the
/// lease) or <c>data.data.&lt;key&gt;</c> (v2, no lease). A missing secret or field, or a field that is not a JSON
/// string, is an error whose text names the key and the JSON kind, never the value.
/// </summary>
internal static class VaultSecretReader
{
    public static async Task<SecretLookup> ReadAsync(HttpResponseMessage response, VaultSecretPath path, string kvVersion, CancellationToken cancellationToken)
    {
        Dictionary<string, JsonElement>? data;
        TimeSpan? lease = null;
        try
        {
            if (kvVersion == VaultClientConfig.KvV2)
            {
                var body = await response.Content.ReadFromJsonAsync(VaultJsonContext.Default.VaultKvV2Response, cancellationToken);
                if (body?.Data is { Metadata: { } meta } && (meta.Destroyed || !string.IsNullOrEmpty(meta.DeletionTime)))
                    throw NotFound($"the latest version of the secret at {path.RequestPath} is deleted");
                data = body?.Data?.Data;
            }
            else
            {
                var body = await response.Content.ReadFromJsonAsync(VaultJsonContext.Default.VaultKvV1Response, cancellationToken);
                data = body?.Data;
                if (body is { LeaseDuration: > 0 })
                    lease = TimeSpan.FromSeconds(body.LeaseDuration);
            }
        }
        catch (JsonException)
        {
            // Not the exception's text: it could quote part of the body.
            throw new VaultApiException(response.StatusCode, $"Vault's answer for {path.RequestPath} is not a KV {kvVersion} secret");
        }
        if (data is null)
            throw NotFound($"Vault has no secret data at {path.RequestPath}");
        if (!data.TryGetValue(path.Key, out var value))
            throw NotFound($"the secret at {path.RequestPath} has no key \"{path.Key}\"");
        if (value.ValueKind != JsonValueKind.String)
            throw new VaultApiException(HttpStatusCode.UnprocessableEntity,
                $"key \"{path.Key}\" of the secret at {path.RequestPath} holds a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
        return new SecretLookup(new SecretValue(value.GetString()!), lease);
    }

    private static VaultApiException NotFound(string detail) => new(HttpStatusCode.NotFound, "secret not found: " + detail);
}
