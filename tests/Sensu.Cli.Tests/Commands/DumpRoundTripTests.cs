using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Tests.Commands;

public sealed class DumpRoundTripTests
{
    private const string Resources = """
        type: Namespace
        api_version: core/v2
        spec: {name: ops}
        ---
        type: CheckConfig
        metadata: {name: check-cpu, namespace: ops, labels: {team: ops}}
        spec: {command: "check-cpu -w 75", interval: 60, publish: true, subscriptions: [linux], handlers: [slack], runtime_assets: [cpu]}
        ---
        type: Handler
        metadata: {name: slack, namespace: default}
        spec: {type: pipe, command: sensu-slack-handler, timeout: 10, filters: [is_incident]}
        ---
        type: EventFilter
        metadata: {name: business-hours}
        spec: {action: allow, expressions: ["hour(event.check.issued) >= 9"]}
        ---
        type: Mutator
        metadata: {name: only-check}
        spec: {command: only-check-output, timeout: 5}
        ---
        type: HookConfig
        metadata: {name: restart-nginx}
        spec: {command: "systemctl restart nginx", timeout: 60}
        ---
        type: Asset
        metadata: {name: cpu}
        spec:
          builds:
          - url: https://assets.example/cpu.tar.gz
            sha512: 4f926bf4328fbad2b9cac873d117f771914f4b837c9c85584c38ccf55a3ef3c2e8d154812246e5dda4a87450576b2c58ad9ab40c9e2edc31b288d066b195b21b
            filters: ["entity.system.os == 'linux'"]
        ---
        type: Role
        metadata: {name: reader}
        spec: {rules: [{verbs: [get, list], resources: [checks]}]}
        ---
        type: RoleBinding
        metadata: {name: reader}
        spec: {role_ref: {type: Role, name: reader}, subjects: [{type: Group, name: readers}]}
        ---
        type: Silenced
        metadata: {name: "linux:check-cpu"}
        spec: {subscription: linux, check: check-cpu, expire: -1, reason: maintenance}
        ---
        type: Secret
        api_version: secrets/v1
        metadata: {name: pagerduty_key}
        spec: {id: SENSU_PAGERDUTY_KEY, provider: env}
        ---
        type: VaultProvider
        api_version: secrets/v1
        metadata: {name: vault}
        spec: {client: {address: "http://localhost:8200", token: ROOT_TOKEN, version: v2, max_retries: 2, timeout: 20s}}
        """;

    [Fact]
    public async Task DumpAll_CreatedOnAFreshBackend_YieldsTheSameResources()
    {
        string first;
        await using (var backend = await TestBackend.StartAsync())
        {
            using var cli = new CliHarness();
            await cli.ConfigureAsync(backend);
            (await cli.RunAsync("create", Resources)).AssertSuccess();
            first = (await cli.RunAsync("dump all --all-namespaces --format yaml")).AssertSuccess().Out;
        }
        Assert.Contains("name: check-cpu", first);
        Assert.Contains("type: VaultProvider", first);
        Assert.Contains("type: Env", first);

        await using var fresh = await TestBackend.StartAsync();
        using var again = new CliHarness();
        await again.ConfigureAsync(fresh);
        var dumpFile = Path.Combine(again.ConfigDir, "dump.yml");
        await File.WriteAllTextAsync(dumpFile, first);
        (await again.RunAsync(["create", "-f", dumpFile])).AssertSuccess();
        // As in Sensu, the dump carries no password hashes: users that exist on the fresh backend keep theirs
        // (docs/validation-differences.md); the admin signs in again in case the write ended its sessions.
        await again.ConfigureAsync(fresh);
        var second = (await again.RunAsync("dump all --all-namespaces --format yaml")).AssertSuccess().Out;

        Assert.Equal(Normalize(first), Normalize(second));
    }

    [Fact]
    public async Task DumpTypes_WrappedJson_ToFile_WithOmit()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("create", Resources)).AssertSuccess();
        var file = Path.Combine(cli.ConfigDir, "out.json");

        (await cli.RunAsync(["dump", "handlers,core/v2.Mutator,secrets/v1.Provider", "--format", "wrapped-json", "-f", file, "--omit", "mutators"])).AssertSuccess();

        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("\"type\": \"Handler\"", text);
        Assert.Contains("\"type\": \"VaultProvider\"", text);
        Assert.DoesNotContain("\"type\": \"Mutator\"", text);
        Assert.DoesNotContain("\"type\": \"CheckConfig\"", text);
    }

    /// <summary>
    /// The resources of a dump as sorted wrapped-JSON strings, without what legitimately differs between two backends:
    /// password hashes, creators, and the <c>sensu.io/managed_by: sensuctl</c> label that <c>create</c> adds.
    /// </summary>
    private static List<string> Normalize(string dump)
    {
        var result = new List<string>();
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
            result.Add(json.ToJsonString());
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
