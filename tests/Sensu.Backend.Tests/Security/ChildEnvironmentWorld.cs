using System.Text.Json.Nodes;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// One real <c>sensu-backend</c> process (issue 16) whose environment holds a canary no Secret names
/// (<see cref="CanaryVariable"/>) and a value granted through an Env Secret (<see cref="GrantedVariable"/>), besides the
/// admin password <see cref="BackendProcess"/> sets. Through the REST API, as admin: a pipe handler that dumps its
/// environment to a file and to stdout; a pipe mutator that does the same (its output goes to a handler that prints
/// it); a pipe mutator that dumps it and fails (its output lands in an error text). One event runs them all.
/// </summary>
public sealed class ChildEnvironmentWorld : IAsyncLifetime
{
    public const string CanaryVariable = "UNREFERENCED_CANARY";
    public const string GrantedVariable = "GRANTED_SOURCE_TOKEN";
    public const string HandlerEnvName = "HANDLER_TOKEN";

    private BackendProcess? _backend;

    public string Canary { get; } = "unref-canary-" + Guid.NewGuid().ToString("N")[..16];

    public string Granted { get; } = "granted-value-" + Guid.NewGuid().ToString("N")[..16];

    public string Dir { get; } = Directory.CreateTempSubdirectory("sensu-child-env-").FullName;

    public BackendProcess Backend => _backend ?? throw new InvalidOperationException("not started");

    public string HandlerDump => Path.Combine(Dir, "handler.env");

    public string MutatorDump => Path.Combine(Dir, "mutator.env");

    public string FailingMutatorDump => Path.Combine(Dir, "failing-mutator.env");

    public string SinkDone => Path.Combine(Dir, "sink.done");

    public async Task InitializeAsync()
    {
        _backend = await BackendProcess.StartAsync([], new Dictionary<string, string>
        {
            [CanaryVariable] = Canary,
            [GrantedVariable] = Granted,
        }, CancellationToken.None);
        using var admin = await BackendProcessApi.AdminAsync(Backend, CancellationToken.None);

        await BackendProcessApi.PutAsync(admin, "/api/enterprise/secrets/v1/namespaces/default/secrets/granted", new JsonObject
        {
            ["type"] = "Secret",
            ["api_version"] = "secrets/v1",
            ["metadata"] = new JsonObject { ["name"] = "granted", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["id"] = GrantedVariable, ["provider"] = "env" },
        });
        var grant = new JsonArray(new JsonObject { ["name"] = HandlerEnvName, ["secret"] = "granted" });
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/env-dump", BackendProcessApi.PipeHandler("env-dump", Dump(HandlerDump), grant));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/mutators/env-dump", BackendProcessApi.PipeMutator("env-dump", Dump(MutatorDump), grant));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/mutators/env-dump-fails", BackendProcessApi.PipeMutator("env-dump-fails", Dump(FailingMutatorDump) + "; exit 3", grant));
        // The sink prints what the mutator produced (the mutator's environment dump), so it is logged too.
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/mutated-sink",
            BackendProcessApi.PipeHandler("mutated-sink", $"cat; touch {SinkDone}", mutator: "env-dump"));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/failing-sink",
            BackendProcessApi.PipeHandler("failing-sink", "cat", mutator: "env-dump-fails"));

        await BackendProcessApi.PostEventAsync(admin, "child-env", 2, "critical", "env-dump", "mutated-sink", "failing-sink");

        await BackendProcessApi.EventuallyAsync(Backend, () => File.Exists(HandlerDump) && File.Exists(MutatorDump) && File.Exists(FailingMutatorDump) && File.Exists(SinkDone),
            "every dump written");
        // Their output is logged once the processes are reaped.
        await BackendProcessApi.EventuallyAsync(Backend, () => Log.Contains("handler env-dump,", StringComparison.Ordinal)
            && Log.Contains("handler mutated-sink,", StringComparison.Ordinal)
            && Log.Contains("mutator env-dump-fails: pipe mutator execution returned non-zero exit status 3", StringComparison.Ordinal), "the handlers' output and the failing mutator's error logged");
    }

    public string Log => Backend.Log.Text();

    /// <summary>The variables a dump holds (<c>env</c> output: one <c>KEY=VALUE</c> a line).</summary>
    public static IReadOnlyDictionary<string, string> ReadDump(string path) =>
        File.ReadAllLines(path)
            .Where(static l => l.IndexOf('=', StringComparison.Ordinal) > 0)
            .Select(static l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .GroupBy(static p => p.Key, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Last().Value, StringComparer.Ordinal);

    // The dump is written whole (then renamed) and printed to stdout.
    private static string Dump(string path) => $"env > {path}.tmp && mv {path}.tmp {path}; cat {path}";

    public async Task DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
