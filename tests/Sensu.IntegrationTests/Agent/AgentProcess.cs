using System.Diagnostics;
using System.Globalization;
using Sensu.IntegrationTests.Support;

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
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)
            ? hostPath
            : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[]
        {
            dll, "start",
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
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("SENSU_", StringComparison.Ordinal)))
            start.Environment.Remove(key);

        var log = new ProcessLog();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => log.Add("err", e.Data);
        if (!process.Start())
            throw new InvalidOperationException("could not start dotnet " + dll);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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

    private async Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"sensu-agent exited with code {_process.ExitCode}.\n{Log.Tail(8000)}");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{ApiPort}/healthz"), cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode == 200)
                    return;
                last = $"/healthz answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"sensu-agent not connected after {StartTimeout} ({last}).\n{Log.Tail(8000)}");
    }

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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}
