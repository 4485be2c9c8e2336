using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Cli.Commands.Asset;

/// <summary>
/// A Bonsai-compatible asset hub (core-spec §10.1): <c>GET /api/v1/assets/{ns}/{name}</c> lists versions,
/// <c>GET /api/v1/assets/{ns}/{name}/{version}/release_asset_builds</c> gives the wrapped Asset definition.
/// Base URL: <c>--bonsai-url</c>, else <c>SENSU_BONSAI_URL</c>, else Sensu's public hub.
/// </summary>
public sealed class BonsaiClient : IDisposable
{
    public const string DefaultUrl = "https://bonsai.sensu.io";
    public const string EnvironmentVariable = "SENSU_BONSAI_URL";

    private readonly HttpClient _http;

    public BonsaiClient(string? baseUrl, CliIo io, TimeSpan timeout)
    {
        var url = baseUrl ?? io.Env(EnvironmentVariable) ?? DefaultUrl;
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri))
            throw new CliException($"invalid Bonsai URL \"{url}\"");
        BaseUri = uri;
        _http = io.HandlerFactory is null ? new HttpClient() : new HttpClient(io.HandlerFactory());
        _http.BaseAddress = uri;
        _http.Timeout = timeout;
    }

    public Uri BaseUri { get; }

    /// <summary>The versions Bonsai lists for <c>namespace/name</c>.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var text = await GetAsync($"api/v1/assets/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(name)}", cancellationToken);
        try
        {
            var versions = JsonNode.Parse(text)?["versions"] as JsonArray;
            return versions?.Select(v => v?["version"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new CliException($"the Bonsai answer for {@namespace}/{name} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The wrapped Asset definition (YAML or JSON text) of one version.</summary>
    public Task<string> DefinitionAsync(string @namespace, string name, string version, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/assets/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(version)}/release_asset_builds", cancellationToken);

    private async Task<string> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 400)
                throw new CliException($"bonsai api returned status code: {(int)response.StatusCode} ({new Uri(BaseUri, path)})");
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the asset hub at {BaseUri}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the asset hub at {BaseUri} did not answer in time", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
