using System.Net;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;

namespace Sensu.Backend.Tests.Support;

/// <summary>Writes pipeline resources and events through the real API, waiting for resources to reach the pipeline's caches.</summary>
internal sealed class PipelineApi(TestBackend backend, HttpClient client)
{
    public async Task PutAsync<T>(string collection, string name, string json) where T : class, IResource
    {
        await PutUncachedAsync(collection, name, json);
        await PipelineHarness.WaitForCachedAsync<T>(backend, name);
    }

    /// <summary>PUT without waiting for a pipeline cache (for resources another daemon caches).</summary>
    public async Task PutUncachedAsync(string collection, string name, string json)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, $"/api/core/v2/namespaces/default/{collection}/{name}", json);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT {collection}/{name}: {status} {body}");
    }

    public async Task DeleteAsync(string collection, string name)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Delete, $"/api/core/v2/namespaces/default/{collection}/{name}", null);
        Assert.True(status is HttpStatusCode.NoContent or HttpStatusCode.OK, $"DELETE {collection}/{name}: {status} {body}");
    }

    /// <summary><c>POST /events</c> with a check result; <paramref name="handlers"/> and <paramref name="pipeline"/> select the pipelines.</summary>
    public async Task PostEventAsync(string entity, string check, int status, string output, string[]? handlers = null, string? pipeline = null)
    {
        var list = string.Join(",", (handlers ?? []).Select(h => $"\"{h}\""));
        var refs = pipeline is null ? "" : $$""","pipelines":[{"name":"{{pipeline}}","type":"Pipeline","api_version":"core/v2"}]""";
        var body = $$$"""
            {"entity":{"metadata":{"name":"{{{entity}}}","namespace":"default"},"entity_class":"proxy","subscriptions":["linux"]},
             "check":{"metadata":{"name":"{{{check}}}","namespace":"default"},"status":{{{status}}},"output":"{{{output}}}","interval":60,"handlers":[{{{list}}}]{{{refs}}}}}
            """;
        var (code, text) = await client.SendJsonAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events", body);
        Assert.True(code is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST event: {code} {text}");
    }

    /// <summary>A pipe handler command appending stdin and a newline to <paramref name="file"/> atomically (readers never see half a line).</summary>
    public static string AppendCommand(string file) =>
        $"cat >> {file}.tmp; echo >> {file}.tmp; cp {file}.tmp {file}.new; mv {file}.new {file}";
}
