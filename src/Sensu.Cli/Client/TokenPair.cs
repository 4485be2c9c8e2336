using System.Text.Json.Nodes;

namespace Sensu.Cli.Client;

/// <summary>The answer of <c>/auth</c> and <c>/auth/token</c>.</summary>
public sealed record TokenPair(string AccessToken, long ExpiresAt, string RefreshToken)
{
    public static TokenPair FromJson(JsonNode? node)
    {
        var access = node?["access_token"]?.GetValue<string>();
        var refresh = node?["refresh_token"]?.GetValue<string>();
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
            throw new CliException("the backend's /auth answer has no tokens");
        return new TokenPair(access, node?["expires_at"]?.GetValue<long>() ?? 0, refresh);
    }
}
