using System.Diagnostics;
using System.Globalization;

namespace Sensu.Testing.Processes;

/// <summary>
/// A real <c>sensu-backend start</c> child process on free loopback ports with its own state directory,
/// initialised through <c>SENSU_BACKEND_CLUSTER_ADMIN_USERNAME</c>/<c>_PASSWORD</c>; ready once <c>GET /health</c> is 200.
/// </summary>
public sealed class BackendProcess : IAsyncDisposable
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "P@ssw0rd!-it";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _stateRoot;

    private BackendProcess(Process process, string stateRoot, Uri apiUrl, int agentPort, ProcessLog log)
    {
        _process = process;
        _stateRoot = stateRoot;
        ApiUrl = apiUrl;
        AgentPort = agentPort;
        Log = log;
    }

    /// <summary>Base URL of the REST API, without a trailing slash in its string form.</summary>
    public Uri ApiUrl { get; }

    public string ApiUrlText => ApiUrl.ToString().TrimEnd('/');

    public int AgentPort { get; }

    /// <summary>The agent WebSocket listener, <c>ws://127.0.0.1:AGENT-PORT</c>.</summary>
    public Uri AgentUrl => new($"ws://127.0.0.1:{AgentPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The backend's <c>--state-dir</c>.</summary>
    public string StateDirectory => Path.Combine(_stateRoot, "state");

    /// <summary>The backend's <c>--cache-dir</c>.</summary>
    public string CacheDirectory => Path.Combine(_stateRoot, "cache");

    /// <summary>Everything the backend wrote to stdout and stderr.</summary>
    public ProcessLog Log { get; }

    /// <summary>From process start to the first 200 of <c>/health</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static Task<BackendProcess> StartAsync(CancellationToken cancellationToken) =>
        StartAsync([], new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts a backend with extra flags (e.g. <c>--agent-auth-trusted-ca-file</c>) and extra environment variables of its own.</summary>
    public static Task<BackendProcess> StartAsync(
        IReadOnlyList<string> extraArguments,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken) =>
        StartAsync(extraArguments, environment, BackendProcessSetup.Default, cancellationToken);

    /// <summary>Same, with a umask for the child and a preparation step (<see cref="BackendProcessSetup"/>).</summary>
    public static async Task<BackendProcess> StartAsync(
        IReadOnlyList<string> extraArguments,
        IReadOnlyDictionary<string, string> environment,
        BackendProcessSetup setup,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(setup);
        var dll = BackendLocator.Find();
        var stateRoot = Directory.CreateTempSubdirectory("sensu-it-").FullName;
        var apiPort = FreePort.Next();
        var agentPort = FreePort.Next();
        var apiUrl = new Uri($"http://127.0.0.1:{apiPort.ToString(CultureInfo.InvariantCulture)}");

        var start = DotnetChild.StartInfo(dll, stateRoot, []);
        foreach (var arg in new[]
        {
            "start",
            "--state-dir", Path.Combine(stateRoot, "state"),
            "--cache-dir", Path.Combine(stateRoot, "cache"),
            "--api-listen-address", $"127.0.0.1:{apiPort.ToString(CultureInfo.InvariantCulture)}",
            "--agent-host", "127.0.0.1",
            "--agent-port", agentPort.ToString(CultureInfo.InvariantCulture),
            "--log-level", "info",
            "--dashboard-host", "127.0.0.1",
            "--dashboard-port", "0",
        })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var arg in extraArguments)
            start.ArgumentList.Add(arg);
        start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_USERNAME"] = AdminUsername;
        start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD"] = AdminPassword;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        if (setup.Umask is { } umask)
            WrapWithUmask(start, umask);
        setup.Prepare?.Invoke(Path.Combine(stateRoot, "state"), Path.Combine(stateRoot, "cache"));

        var log = new ProcessLog();
        var clock = Stopwatch.StartNew();
        var process = DotnetChild.Start(start, log);

        var backend = new BackendProcess(process, stateRoot, apiUrl, agentPort, log);
        try
        {
            await backend.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
            backend.StartupTime = clock.Elapsed;
            return backend;
        }
        catch
        {
            await backend.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs the same command through <c>/bin/sh -c 'umask U &amp;&amp; exec "$0" "$@"'</c>, so the backend itself (not a shell) is the child.</summary>
    private static void WrapWithUmask(ProcessStartInfo start, string umask)
    {
        if (umask.Length is < 3 or > 4 || !umask.All(c => c is >= '0' and <= '7'))
            throw new ArgumentException($"umask \"{umask}\" is not octal", nameof(umask));
        var arguments = start.ArgumentList.ToList();
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"umask {umask} && exec \"$0\" \"$@\"");
        start.ArgumentList.Add(start.FileName);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.FileName = "/bin/sh";
    }

    private Task WaitHealthyAsync(CancellationToken cancellationToken) =>
        DotnetChild.WaitForOkAsync(_process, Log, "sensu-backend", new Uri(ApiUrl, "/health"), StartTimeout, cancellationToken);

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL (<c>kill -9</c>): the backend gets no chance to leave the cluster or flush anything.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => DotnetChild.KillAndDeleteAsync(_process, _stateRoot);
}
