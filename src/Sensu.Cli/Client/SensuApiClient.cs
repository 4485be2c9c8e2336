using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Cli.Config;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Client;

/// <summary>
/// sensuctl's HTTP client: authenticates with an API key (<c>Authorization: Key</c>) or the stored access token,
/// refreshes an expired token through <c>/auth/token</c> (and saves it), and turns every failure into one clear message.
/// </summary>
public sealed class SensuApiClient : IDisposable
{
    public const string ContinueHeader = "Sensu-Continue";

    private readonly CliSettings _settings;
    private readonly CliIo _io;
    private readonly HttpClient _http;
    private string? _accessToken;
    private long _expiresAt;
    private string? _refreshToken;

    public SensuApiClient(CliSettings settings, CliIo io)
    {
        _settings = settings;
        _io = io;
        BaseUri = ParseUrl(settings.ApiUrl);
        _http = new HttpClient(HttpHandlerFactory.Create(settings, io)) { BaseAddress = BaseUri, Timeout = settings.Timeout };
        _accessToken = settings.AccessToken;
        _expiresAt = settings.ExpiresAt;
        _refreshToken = settings.RefreshToken;
    }

    public Uri BaseUri { get; }

    public static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new CliException($"invalid backend URL \"{url}\": expected http(s)://host:port");
        return uri;
    }

    /// <summary><c>GET /auth</c> with Basic credentials.</summary>
    public async Task<TokenPair> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
            return request;
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new CliException($"authentication failed for user \"{username}\": wrong username or password");
        await EnsureSuccessAsync(response, cancellationToken);
        var pair = TokenPair.FromJson(await ReadJsonAsync(response, cancellationToken));
        (_accessToken, _expiresAt, _refreshToken) = (pair.AccessToken, pair.ExpiresAt, pair.RefreshToken);
        return pair;
    }

    /// <summary><c>GET /auth/test</c> with Basic credentials: true when the backend accepts them.</summary>
    public async Task<bool> TestCredentialsAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/auth/test");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
            return request;
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return false;
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    public async Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Lists a collection, following <c>Sensu-Continue</c> when <paramref name="chunkSize"/> is positive.</summary>
    public async Task<List<JsonNode>> ListAsync(string path, int chunkSize, CancellationToken cancellationToken)
    {
        var items = new List<JsonNode>();
        string? next = null;
        do
        {
            var query = chunkSize > 0 ? $"limit={chunkSize}" + (next is null ? "" : $"&continue={Uri.EscapeDataString(next)}") : "";
            var url = query.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
            using var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken);
            if (await ReadJsonAsync(response, cancellationToken) is JsonArray array)
                items.AddRange(array.Where(n => n is not null).Select(n => n!.DeepClone()));
            next = chunkSize > 0 && response.Headers.TryGetValues(ContinueHeader, out var values) ? values.FirstOrDefault() : null;
        }
        while (!string.IsNullOrEmpty(next));
        return items;
    }

    public async Task PutAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Put, path, body, cancellationToken);
    }

    /// <summary>POSTs and returns the <c>Location</c> header, if any.</summary>
    public async Task<string?> PostAsync(string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken);
        return response.Headers.Location?.ToString();
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, path, null, cancellationToken);
    }

    /// <summary>An authenticated request; non-success statuses throw <see cref="ApiException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        await RefreshIfExpiredAsync(cancellationToken);
        var response = await SendRawAsync(() => Authorized(method, path, body), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _settings.ApiKey is null && _refreshToken is not null)
        {
            response.Dispose();
            await RefreshAsync(cancellationToken);
            response = await SendRawAsync(() => Authorized(method, path, body), cancellationToken);
        }
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The session's tokens as they stand now (after any refresh); null values when logged in with an API key or not at all.</summary>
    public (string? AccessToken, long ExpiresAt, string? RefreshToken) Session => (_accessToken, _expiresAt, _refreshToken);

    /// <summary>Trades the refresh token for a new pair now (saved like any refresh); false when there is no session to refresh or the backend refused.</summary>
    public async Task<bool> TryRefreshSessionAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_settings.ApiKey) || _refreshToken is null)
            return false;
        try
        {
            await RefreshAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is CliException or ApiException)
        {
            return false;
        }
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (!string.IsNullOrEmpty(_settings.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Key", _settings.ApiKey);
        else if (!string.IsNullOrEmpty(_accessToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        else
            throw new CliException("not logged in: run 'sensuctl configure' (or set SENSU_API_KEY)");
        if (body is not null)
            request.Content = new ByteArrayContent(JsonText.WriteUtf8(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return request;
    }

    private async Task RefreshIfExpiredAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_settings.ApiKey) || _refreshToken is null || _expiresAt == 0)
            return;
        if (_io.Time.GetUtcNow().ToUnixTimeSeconds() < _expiresAt)
            return;
        await RefreshAsync(cancellationToken);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken ?? "");
            var body = new JsonObject { ["refresh_token"] = _refreshToken };
            request.Content = new ByteArrayContent(JsonText.WriteUtf8(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            return request;
        }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
            throw new CliException("the session has expired and could not be refreshed: run 'sensuctl configure' to log in again");
        await EnsureSuccessAsync(response, cancellationToken);
        var pair = TokenPair.FromJson(await ReadJsonAsync(response, cancellationToken));
        (_accessToken, _expiresAt, _refreshToken) = (pair.AccessToken, pair.ExpiresAt, pair.RefreshToken);
        if (!_settings.TokensFromEnvironment)
        {
            _settings.Cluster.AccessToken = pair.AccessToken;
            _settings.Cluster.ExpiresAt = pair.ExpiresAt;
            _settings.Cluster.RefreshToken = pair.RefreshToken;
            _settings.Files.Save(_settings.Cluster);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var request = build();
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the Sensu backend at {BaseUri.GetLeftPart(UriPartial.Authority)}: {Describe(ex)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the Sensu backend at {BaseUri.GetLeftPart(UriPartial.Authority)} did not answer within {_http.Timeout.TotalSeconds:0.###}s", ex);
        }
    }

    private static string Describe(HttpRequestException ex)
    {
        var inner = ex.InnerException;
        while (inner?.InnerException is not null && inner is not System.Net.Sockets.SocketException)
            inner = inner.InnerException;
        return (inner?.Message ?? ex.Message).TrimEnd('.');
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? message = null;
        try
        {
            message = JsonNode.Parse(text)?["message"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not Sensu's error body: fall back to the status line.
        }
        var status = (int)response.StatusCode;
        message ??= string.IsNullOrWhiteSpace(text) || text.Length > 200 ? response.ReasonPhrase ?? "request failed" : text.Trim();
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (run 'sensuctl configure' to log in again)",
            HttpStatusCode.Forbidden => " (permission denied)",
            _ => "",
        };
        throw new ApiException(response.StatusCode, $"{message}{hint} [HTTP {status}]");
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new CliException($"the backend answered with invalid JSON: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
