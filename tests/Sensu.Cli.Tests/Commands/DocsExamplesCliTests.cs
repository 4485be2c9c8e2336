using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using Sensu.Testing;
using Xunit.Abstractions;

namespace Sensu.Cli.Tests.Commands;

/// <summary>
/// Acceptance (issue 3): <c>sensuctl create -f</c> takes every supported-type example of the docs corpus, and
/// <c>sensuctl dump all --format yaml</c> of that backend, created on a fresh one, yields the same resources.
/// </summary>
public sealed class DocsExamplesCliTests(ITestOutputHelper output)
{
    private const string Runner = "conformance-runner";
    private const string RunnerPassword = "conformance-P@ss1";

    /// <summary>Examples Sensu (and we) refuse, with the reason (same list as the backend's API conformance test).</summary>
    private static readonly Dictionary<string, string> ExpectedRefusals = new(StringComparer.Ordinal)
    {
        ["6.14/0040-Entity-6b6264feda40.json"] = "backend-class entity (documented invalid)",
        ["6.14/0041-Entity-6b6264feda40.json"] = "backend-class entity (documented invalid)",
        ["5.17/0020-Event-collect-metrics.json"] = "event without an entity",
        ["5.17/0021-Event-collect-metrics.json"] = "event without an entity",
        ["6.14/0273-Event-unnamed.json"] = "placeholder event without an entity",
        ["5.17/0107-Entity-sensu-docs.json"] = "extra top-level key outside the wrapper",
        ["5.17/0108-Entity-sensu-docs.json"] = "extra top-level key outside the wrapper",
        ["5.17/0109-Entity-sensu-docs.json"] = "extra top-level key outside the wrapper",
        ["5.17/0110-Entity-sensu-docs.json"] = "extra top-level key outside the wrapper",
        ["5.17/0111-Entity-webserver01.json"] = "extra top-level key outside the wrapper",
        ["5.17/0112-Entity-webserver01.json"] = "extra top-level key outside the wrapper",
        ["6.14/0026-Asset-sensu_nginx-check.json"] = "placeholder build",
        ["6.14/0102-EventFilter-keepalive_timeouts.json"] = "expression written as a mapping",
        ["6.14/0044-Handler-registration.json"] = "pipe handler without a command",
        ["6.14/0045-Handler-registration.json"] = "pipe handler without a command",
        ["6.14/0052-Entity-sensu-docs.json"] = "placeholder entity without an entity class",
        ["6.14/0053-Entity-sensu-docs.json"] = "placeholder entity without an entity class",
        ["6.14/0056-Entity-postgresql.json"] = "placeholder entity without an entity class",
        ["6.14/0057-Entity-postgresql.json"] = "placeholder entity without an entity class",
        ["5.17/0102-CheckConfig-ping-github-api.json"] = "check with neither interval nor cron",
        ["5.17/0103-CheckConfig-ping-github-api.json"] = "check with neither interval nor cron",
        ["6.14/0265-CheckConfig-ping-github-api.json"] = "check with neither interval nor cron",
        ["6.14/0266-CheckConfig-ping-github-api.json"] = "check with neither interval nor cron",
        ["6.14/0297-CheckConfig-unnamed.json"] = "check without a name",
        ["6.14/0326-User-ec2-service.json"] = "user without password",
        ["6.14/0327-User-ec2-service.json"] = "user without password",
        ["6.14/0403-User-silencing-service-team-1.json"] = "user without password",
        ["6.14/0404-User-silencing-service-team-1.json"] = "user without password",
        ["6.14/0355-User-alice.json"] = "password with a password_hash that does not match it",
        ["6.14/0356-User-alice.json"] = "password with a password_hash that does not match it",
        ["6.14/0422-CheckConfig-expired_certs.json"] = "check with neither interval nor cron",
        ["6.14/0423-CheckConfig-expired_certs.json"] = "check with neither interval nor cron",
    };

    [Fact]
    public async Task CreateEveryExample_ThenDumpAll_RoundTripsOntoAFreshBackend()
    {
        string dump;
        await using (var backend = await TestBackend.StartAsync())
        {
            using var cli = await RunnerAsync(backend);
            var (accepted, refused, failures) = await CreateAllAsync(cli);
            output.WriteLine($"create -f: {accepted} accepted, {refused} refused as documented, {failures.Count} failed");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            dump = (await cli.RunAsync("dump all --all-namespaces --format yaml")).AssertSuccess().Out;
        }

        await using var fresh = await TestBackend.StartAsync();
        using var again = await RunnerAsync(fresh);
        var file = Path.Combine(again.ConfigDir, "dump.yml");
        // As in Sensu, a dump has no passwords: its backup docs say to add one to each user before restoring.
        await File.WriteAllTextAsync(file, WithPasswords(dump));
        (await again.RunAsync(["create", "-f", file])).AssertSuccess();
        // Restoring gives the runner a password again, which ends its sessions (issue 16): it signs in again.
        (await again.RunAsync($"configure -n --url {fresh.BaseAddress} --username {Runner} --password {RunnerPassword}")).AssertSuccess();
        var second = (await again.RunAsync("dump all --all-namespaces --format yaml")).AssertSuccess().Out;

        var before = Normalize(dump);
        var after = Normalize(second);
        var missing = before.Except(after).Take(3).ToList();
        var extra = after.Except(before).Take(3).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"first dump only: {string.Join("\n", missing)}\nsecond dump only: {string.Join("\n", extra)}");
    }

    private async Task<(int Accepted, int Refused, List<string> Failures)> CreateAllAsync(CliHarness cli)
    {
        int accepted = 0, refused = 0;
        var failures = new List<string>();
        // The backend creates `default` and, for its own entity and events, `sensu-system`.
        var namespaces = new HashSet<string>(StringComparer.Ordinal) { "default", "sensu-system" };
        var file = Path.Combine(cli.ConfigDir, "example");
        foreach (var example in DocsExamples.All())
        {
            if (ResourceRegistry.Find(example.Type, example.ApiVersion) is null)
                continue;
            var ns = example.Resource["metadata"]?["namespace"]?.GetValue<string>() ?? example.Resource["spec"]?["metadata"]?["namespace"]?.GetValue<string>();
            if (ns is not null && namespaces.Add(ns))
                (await cli.RunAsync($"namespace create {ns}")).AssertSuccess();
            await File.WriteAllTextAsync(file, example.Raw);
            var run = await cli.RunAsync(["create", "-f", file]);
            var documentedRefusal = ExpectedRefusals.ContainsKey(example.File)
                || (example.Type == "VaultProvider" && run.Error.Contains("does not exist on the backend", StringComparison.Ordinal));
            if (run.ExitCode == 0 && !documentedRefusal)
                accepted++;
            else if (run.ExitCode != 0 && documentedRefusal)
                refused++;
            else
                failures.Add($"{example}: exit {run.ExitCode} {run.Error.Trim()}");
        }
        return (accepted, refused, failures);
    }

    /// <summary>A harness logged in as a user whose rights come from its own cluster role, which no example redefines.</summary>
    private static async Task<CliHarness> RunnerAsync(TestBackend backend)
    {
        using var admin = new CliHarness();
        await admin.ConfigureAsync(backend);
        (await admin.RunAsync("create", $$"""
            type: ClusterRole
            metadata: {name: conformance-all}
            spec: {rules: [{verbs: ["*"], resources: ["*"]}]}
            ---
            type: ClusterRoleBinding
            metadata: {name: conformance-all}
            spec: {role_ref: {type: ClusterRole, name: conformance-all}, subjects: [{type: User, name: {{Runner}}}]}
            """)).AssertSuccess();
        (await admin.RunAsync($"user create {Runner} --password {RunnerPassword}")).AssertSuccess();
        var runner = new CliHarness();
        (await runner.RunAsync($"configure -n --url {backend.BaseAddress} --username {Runner} --password {RunnerPassword}")).AssertSuccess();
        return runner;
    }

    /// <summary>The dump as wrapped JSON documents, each user given <see cref="RunnerPassword"/>.</summary>
    private static string WithPasswords(string dump)
    {
        var documents = new List<string>();
        foreach (var decoded in WrappedDecoder.DecodeAll(dump).ResourcesOrThrow())
        {
            var json = WrappedEncoder.ToWrappedJson(decoded.Resource);
            if (json["type"]?.GetValue<string>() == "User" && json["spec"] is JsonObject spec)
                spec["password"] = RunnerPassword;
            documents.Add(json.ToJsonString());
        }
        return string.Join("\n", documents);
    }

    private static HashSet<string> Normalize(string dump)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decoded in WrappedDecoder.DecodeAll(dump).ResourcesOrThrow())
        {
            var json = WrappedEncoder.ToWrappedJson(decoded.Resource);
            foreach (var meta in new[] { json["metadata"] as JsonObject, json["spec"]?["metadata"] as JsonObject })
            {
                meta?.Remove("created_by");
                if (meta?["labels"] is JsonObject labels)
                {
                    labels.Remove("sensu.io/managed_by");
                    if (labels.Count == 0)
                        meta.Remove("labels");
                }
            }
            (json["spec"] as JsonObject)?.Remove("password_hash");
            if (json["spec"]?["check"] is JsonObject check && json["type"]?.GetValue<string>() == "Event")
            {
                // Re-creating an event is a new check result: the backend's state machine recomputes these.
                foreach (var computed in new[] { "history", "occurrences", "occurrences_watermark", "state", "last_ok", "total_state_change", "silenced", "is_silenced" })
                    check.Remove(computed);
            }
            result.Add(json.ToJsonString());
        }
        return result;
    }
}
