using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Wrapped;
using Sensu.Testing;
using Xunit.Abstractions;

namespace Sensu.Backend.Tests.Apid;

/// <summary>
/// Conformance: the raw text of every docs example (5.17 and 6.14) goes through the codec and the API
/// (PUT, then GET) and comes back equivalent; examples of types we don't serve get a clear "not supported".
/// </summary>
public sealed class DocsExamplesApiTests(ITestOutputHelper output)
{
    /// <summary>Examples whose creation is expected to be refused (by the codec or the API), with the reason.</summary>
    private static readonly Dictionary<string, string> ExpectedRefusals = new(StringComparer.Ordinal)
    {
        ["6.14/0040-Entity-6b6264feda40.json"] = "backend-class entity: users cannot create backend entities (documented invalid)",
        ["6.14/0041-Entity-6b6264feda40.json"] = "backend-class entity: users cannot create backend entities (documented invalid)",
        ["5.17/0020-Event-collect-metrics.json"] = "event without an entity (docs fragment): an event needs one",
        ["5.17/0021-Event-collect-metrics.json"] = "event without an entity (docs fragment): an event needs one",
        ["6.14/0273-Event-unnamed.json"] = "placeholder event ('...') without an entity: an event needs one",
        ["5.17/0107-Entity-sensu-docs.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["5.17/0108-Entity-sensu-docs.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["5.17/0109-Entity-sensu-docs.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["5.17/0110-Entity-sensu-docs.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["5.17/0111-Entity-webserver01.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["5.17/0112-Entity-webserver01.json"] = "extra top-level key sensu_agent_version outside the wrapper: sensuctl refuses unknown top-level keys",
        ["6.14/0026-Asset-sensu_nginx-check.json"] = "placeholder build ('...' where filters should be a list)",
        ["6.14/0102-EventFilter-keepalive_timeouts.json"] = "docs YAML mistake: an expression written as a mapping, not a string",
        ["6.14/0044-Handler-registration.json"] = "docs mistake: a pipe handler without a command (Sensu refuses it too: missing command)",
        ["6.14/0045-Handler-registration.json"] = "docs mistake: a pipe handler without a command (Sensu refuses it too: missing command)",
        ["6.14/0052-Entity-sensu-docs.json"] = "placeholder entity ('...') without an entity class",
        ["6.14/0053-Entity-sensu-docs.json"] = "placeholder entity ('...') without an entity class",
        ["6.14/0056-Entity-postgresql.json"] = "placeholder entity ('...') without an entity class",
        ["6.14/0057-Entity-postgresql.json"] = "placeholder entity ('...') without an entity class",
        ["5.17/0102-CheckConfig-ping-github-api.json"] = "docs fragment about secrets: a check with neither interval nor cron (Sensu refuses it too)",
        ["5.17/0103-CheckConfig-ping-github-api.json"] = "docs fragment about secrets: a check with neither interval nor cron (Sensu refuses it too)",
        ["6.14/0265-CheckConfig-ping-github-api.json"] = "docs fragment about secrets: a check with neither interval nor cron (Sensu refuses it too)",
        ["6.14/0266-CheckConfig-ping-github-api.json"] = "docs fragment about secrets: a check with neither interval nor cron (Sensu refuses it too)",
        ["6.14/0297-CheckConfig-unnamed.json"] = "no metadata.name: a check needs a name",
        ["6.14/0326-User-ec2-service.json"] = "a user shown without password or password_hash: creating a user needs one",
        ["6.14/0327-User-ec2-service.json"] = "a user shown without password or password_hash: creating a user needs one",
        ["6.14/0403-User-silencing-service-team-1.json"] = "a user shown without password or password_hash: creating a user needs one",
        ["6.14/0404-User-silencing-service-team-1.json"] = "a user shown without password or password_hash: creating a user needs one",
        ["6.14/0355-User-alice.json"] = "password and a password_hash that does not match it (Sensu refuses both given unless they match)",
        ["6.14/0356-User-alice.json"] = "password and a password_hash that does not match it (Sensu refuses both given unless they match)",
        ["6.14/0422-CheckConfig-expired_certs.json"] = "docs fragment: a check with neither interval nor cron (Sensu refuses it too)",
        ["6.14/0423-CheckConfig-expired_certs.json"] = "docs fragment: a check with neither interval nor cron (Sensu refuses it too)",
    };

    /// <summary>Response paths the server fills or changes on purpose, per type (empty key: every type).</summary>
    private static readonly Dictionary<string, HashSet<string>> ServerFilled = new(StringComparer.Ordinal)
    {
        [""] = ["metadata.created_by"],
        ["User"] = ["metadata.created_by", "password", "password_hash"],
        ["Event"] =
        [
            "metadata.created_by", "metrics", // metrics are not stored (core-spec §3.9)
            // recomputed by the event state machine from this result and the stored history (core-spec §4)
            "check.history", "check.occurrences", "check.occurrences_watermark", "check.state", "check.last_ok",
            "check.total_state_change", "check.silenced", "check.is_silenced",
        ],
        ["Silenced"] = ["metadata.created_by", "metadata.name"],
    };

    /// <summary>Fields of examples that Sensu itself drops (typos of real field names), with the reason.</summary>
    private static readonly Dictionary<string, HashSet<string>> DroppedByDesign = new(StringComparer.Ordinal)
    {
        ["5.17/0017-CheckConfig-check_cpu.json"] = ["runtime-assets"], // docs typo of runtime_assets: unknown spec keys are ignored
        ["6.14/0046-Entity-webserver01.json"] = ["system.processes[1].hostname"], // docs indentation slip: hostname inside a process
    };

    [Fact]
    public async Task Every_supported_example_round_trips_through_the_api()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await ConformanceClientAsync(backend);
        var namespaces = new HashSet<string>(StringComparer.Ordinal) { "default" };
        int accepted = 0, refusedAsExpected = 0, unsupported = 0;
        var failures = new List<string>();

        foreach (var example in DocsExamples.All())
        {
            var decoded = WrappedDecoder.DecodeAll(example.Raw);
            var known = ResourceRegistry.Find(example.Type, example.ApiVersion) is not null;
            if (!known)
            {
                var message = decoded.Errors.FirstOrDefault()?.Message ?? "";
                if (decoded.Success || !message.Contains("not supported", StringComparison.Ordinal))
                    failures.Add($"{example}: unsupported type {example.ApiVersion}.{example.Type} should fail with 'not supported', got: {(decoded.Success ? "success" : message)}");
                else
                    unsupported++;
                continue;
            }
            if (!decoded.Success)
            {
                if (ExpectedRefusals.ContainsKey(example.File))
                    refusedAsExpected++;
                else
                    failures.Add($"{example}: decode failed: {decoded.Errors[0].Message}");
                continue;
            }

            var resource = decoded.Resources[0].Resource;
            var type = decoded.Resources[0].Type;
            if (type.Namespaced && string.IsNullOrEmpty(resource.Metadata.Namespace))
                resource.Metadata.Namespace = "default";
            var ns = resource.Metadata.Namespace ?? "";
            if (type.Namespaced && namespaces.Add(ns))
                await client.SendJsonAsync(HttpMethod.Put, $"/api/core/v2/namespaces/{ns}", $"{{\"name\":\"{ns}\"}}");

            var path = PathOf(type, resource);
            var method = path.EndsWith('/') ? HttpMethod.Post : HttpMethod.Put;
            path = path.TrimEnd('/');
            var (status, body) = await client.SendJsonAsync(method, path, JsonText.Write(ApiBody.ToApiBody(resource), indented: false));
            if (ExpectedRefusals.ContainsKey(example.File) || IsMissingTlsFile(example, status, body))
            {
                if ((int)status is >= 400 and < 500)
                    refusedAsExpected++;
                else
                    failures.Add($"{example}: expected a 4xx refusal, got {(int)status}");
                continue;
            }
            if (status != HttpStatusCode.Created)
            {
                failures.Add($"{example}: {method} {path} → {(int)status} {body}");
                continue;
            }
            if (method == HttpMethod.Post)
            {
                accepted++; // metrics-only events are accepted and not stored (core-spec §3.9)
                continue;
            }

            if (resource is Silenced silence)
                path = type.ItemPath(ns, silence.ComputeName()); // the server names a silence subscription:check
            using var get = await client.GetAsync(path);
            var actual = JsonNode.Parse(await get.Content.ReadAsStringAsync());
            var ignored = new HashSet<string>(ServerFilled.GetValueOrDefault(type.Name) ?? ServerFilled[""]);
            ignored.UnionWith(DroppedByDesign.GetValueOrDefault(example.File) ?? []);
            var differences = JsonSubset.Differences(Expected(example, type), actual, ignored);
            if (differences.Count > 0)
                failures.Add($"{example}: GET differs: {string.Join("; ", differences.Take(5))}");
            else
                accepted++;
        }

        output.WriteLine($"docs examples: {accepted} accepted and read back equivalent, {refusedAsExpected} refused as documented, {unsupported} of unsupported types refused with 'not supported', {failures.Count} failed");
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} examples failed:\n{string.Join("\n", failures)}");
    }

    /// <summary>VaultProvider examples point at TLS files of the docs' machines; we refuse them with a 400 naming the file.</summary>
    private static bool IsMissingTlsFile(DocsExample example, HttpStatusCode status, string body) =>
        example.Type == "VaultProvider" && status == HttpStatusCode.BadRequest && body.Contains("does not exist on the backend", StringComparison.Ordinal);

    private static string PathOf(ResourceType type, IResource resource)
    {
        if (resource is Event { Entity.Metadata.Name: not null, Check.Metadata.Name: not null } ev)
            return $"{type.CollectionPath(resource.Metadata.Namespace)}/{Uri.EscapeDataString(ev.Entity!.Metadata.Name!)}/{Uri.EscapeDataString(ev.Check!.Metadata.Name!)}";
        if (resource is Event || string.IsNullOrEmpty(resource.Metadata.Name) && resource is not TessenConfig)
            return type.CollectionPath(resource.Metadata.Namespace) + "/"; // no key: POST to the collection
        if (resource is TessenConfig)
            return type.CollectionPath(null);
        return type.ItemPath(resource.Metadata.Namespace, resource.Metadata.Name ?? "");
    }

    /// <summary>What GET must return: the example's spec with its outer metadata merged (bare core/v2), or the wrapper (others).</summary>
    private static JsonNode Expected(DocsExample example, ResourceType type)
    {
        var spec = example.Resource["spec"]!.DeepClone().AsObject();
        var outer = example.Resource["metadata"] as JsonObject;
        if (!type.Group.MetadataInSpec)
            return new JsonObject { ["type"] = type.Name, ["api_version"] = type.ApiVersion, ["metadata"] = outer?.DeepClone(), ["spec"] = spec };
        if (outer is { Count: > 0 } && spec["metadata"] is JsonObject inner)
        {
            foreach (var (key, value) in outer)
                inner[key] = value?.DeepClone();
        }
        else if (outer is { Count: > 0 } && MetadataMerge.HasJsonMetadata(type))
        {
            spec["metadata"] = outer.DeepClone();
        }
        return spec;
    }

    /// <summary>
    /// The examples redefine the seeded RBAC (e.g. the cluster-admin binding), so the test acts as a user whose
    /// rights come from a role and binding of its own that no example touches.
    /// </summary>
    private static async Task<HttpClient> ConformanceClientAsync(TestBackend backend)
    {
        using var admin = await backend.LoginAsync();
        const string user = "conformance-runner";
        const string password = "conformance-P@ss1";
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Put, "/api/core/v2/clusterroles/conformance-all",
            "{\"metadata\":{\"name\":\"conformance-all\"},\"rules\":[{\"verbs\":[\"*\"],\"resources\":[\"*\"],\"resource_names\":[]}]}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Put, "/api/core/v2/clusterrolebindings/conformance-all",
            $"{{\"metadata\":{{\"name\":\"conformance-all\"}},\"subjects\":[{{\"type\":\"User\",\"name\":\"{user}\"}}],\"role_ref\":{{\"type\":\"ClusterRole\",\"name\":\"conformance-all\"}}}}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Put, $"/api/core/v2/users/{user}",
            $"{{\"username\":\"{user}\",\"password\":\"{password}\",\"groups\":[],\"disabled\":false}}")).Status);
        return await backend.LoginAsync(user, password);
    }
}
