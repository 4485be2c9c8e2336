using System.Net;
using System.Security.Cryptography;

namespace Sensu.Execution.Assets;

/// <summary>
/// HTTP GET of an asset into a file, hashing with SHA-512 on the way. Header values are split on commas and each
/// part, trimmed, is sent (as Sensu does); any status but 200 is an error.
/// </summary>
internal static class AssetDownloader
{
    /// <summary>Downloads to <paramref name="destination"/> and returns the lower-case hex SHA-512 of the bytes.</summary>
    public static async Task<string> DownloadAsync(HttpClient http, AssetSource source, string destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        foreach (var (name, value) in source.Headers)
        {
            foreach (var part in value.Split(','))
                request.Headers.TryAddWithoutValidation(name, part.Trim());
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new AssetInstallException($"error fetching asset: {ex.Message}", ex);
        }
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new AssetInstallException($"error fetching asset: the server answered {(int)response.StatusCode} ({response.ReasonPhrase})");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (body)
            {
                var output = AssetCachePermissions.CreateFile(destination, useAsync: true);
                await using (output)
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }
}
