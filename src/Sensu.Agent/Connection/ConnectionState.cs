namespace Sensu.Agent.Connection;

/// <summary>Whether the agent holds an open session with a backend now (for <c>/healthz</c>), and which one.</summary>
internal sealed class ConnectionState
{
    private volatile string? _backendUrl;

    public bool Connected => _backendUrl is not null;

    public string? BackendUrl => _backendUrl;

    public void SetConnected(string? backendUrl) => _backendUrl = backendUrl;
}
