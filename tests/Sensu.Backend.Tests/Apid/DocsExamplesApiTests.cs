using System.Net;
using System.Net.Http.Headers;
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
    /// <summary>Examples whose creation is expected to be refused, with the reason written down.</summary>
    private static readonly Dictionary<string, string> ExpectedRefusals = new(StringComparer.Ordinal)
    {
        ["6.14/0040-Entity-6b6264feda40.json"] = "backend-class entity: users cannot create backend entities (documented invalid)",
        ["6.14/0041-Entity-6b6264feda40.json"] = "backend-class entity: users cannot create backend entities (documented invalid)",
    };

    /// <summary>Response paths the server fills or changes on purpose.</summary>
    private static readonly HashSet<string> ServerFilled = new(StringComparer.Ordinal)
    {
        "metadata.created_by",
        "password",
    };

    [Fact]
    public async Task Every_supported_example_round_trips_through_the_api()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
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
                failures.Add($"{example}: decode failed: {decoded.Errors[0].Message}");
                continue;
            }

            var resource = decoded.Resources[0].Resource;
            var type = decoded.Resources[0].Type;
            if (type.Namespaced && string.IsNullOrEmpty(resource.Metadata.Namespace))
                resource.Metadata.Namespace = "default";
            var ns = resource.Metadata.Namespace ?? "";
            if (type.Namespaced && namespaces.Add(ns))
                await PutAsync(client, $"/api/core/v2/namespaces/{ns}", $"{{\"name\":\"{ns}\"}}");

            var path = PathOf(type, resource);
            var (status, body) = await PutAsync(client, path, JsonText.Write(ApiBody.ToApiBody(resource), indented: false));
            if (ExpectedRefusals.ContainsKey(example.File) || IsMissingTlsFile(example, status, body))
            {
                if (status is >= 400 and < 500)
                    refusedAsExpected++;
                else
                    failures.Add($"{example}: expected a 4xx refusal, got {(int)status}");
                continue;
            }
            if (status != HttpStatusCode.Created)
            {
                failures.Add($"{example}: PUT {path} → {(int)status} {body}");
                continue;
            }

            using var get = await client.GetAsync(path);
            var actual = JsonNode.Parse(await get.Content.ReadAsStringAsync());
            var differences = JsonSubset.Differences(Expected(example, type), actual, ServerFilled);
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
        if (resource is Event ev)
            return $"{type.CollectionPath(resource.Metadata.Namespace)}/{Uri.EscapeDataString(ev.Entity!.Metadata.Name!)}/{Uri.EscapeDataString(ev.Check!.Metadata.Name!)}";
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

    private static async Task<(HttpStatusCode Status, string Body)> PutAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PutAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
