using System.Diagnostics;
using System.Globalization;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// A real <c>sensu-agent start</c> child process connected to a backend, with its own cache dir, an empty
/// agent.yml, free loopback ports and a short keepalive interval; ready once its <c>/healthz</c> is 200 (connected).
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _root;

    private AgentProcess(Process process, string root, string name, int apiPort, ProcessLog log)
    {
        _process = process;
        _root = root;
        Name = name;
        ApiPort = apiPort;
        Log = log;
    }

    public string Name { get; }

    public int ApiPort { get; }

    public ProcessLog Log { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<AgentProcess> StartAsync(
        Uri backendUrl, string name, IEnumerable<string> extraArgs, CancellationToken cancellationToken)
    {
        var dll = AgentLocator.Find();
        var root = Directory.CreateTempSubdirectory("sensu-agent-it-").FullName;
        var config = Path.Combine(root, "agent.yml");
        await File.WriteAllTextAsync(config, "{}\n", cancellationToken).ConfigureAwait(false);
        var apiPort = FreePort.Next();
        var start = DotnetChild.StartInfo(dll, root, []);
        foreach (var arg in new[]
        {
            "start",
            "--config-file", config,
            "--name", name,
            "--backend-url", backendUrl.ToString().TrimEnd('/'),
            "--cache-dir", Path.Combine(root, "cache"),
            "--api-host", "127.0.0.1",
            "--api-port", apiPort.ToString(CultureInfo.InvariantCulture),
            "--disable-sockets",
            "--statsd-disable",
            "--keepalive-interval", "1",
            "--retry-min", "200ms",
            "--retry-max", "2s",
            "--log-level", "info",
        }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("SENSU_", StringComparison.Ordinal)))
            start.Environment.Remove(key);

        var log = new ProcessLog();
        var process = DotnetChild.Start(start, log);
        var agent = new AgentProcess(process, root, name, apiPort, log);
        try
        {
            await agent.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task WaitConnectedAsync(CancellationToken cancellationToken) =>
        DotnetChild.WaitForOkAsync(_process, Log, "sensu-agent " + Name, new Uri($"http://127.0.0.1:{ApiPort}/healthz"), StartTimeout, cancellationToken);

    /// <summary>Stops the agent the way an operator does (SIGTERM) and waits for it to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync() => DotnetChild.KillAndDeleteAsync(_process, _root);
}
