using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 2, with the real backend process: the backend's own credentials (admin password, admin API key)
/// and the value of a variable the Env provider could serve but no Secret names are scrubbed from every log line,
/// handler output, error text and stored event from start, without any secret being resolved.
/// </summary>
public sealed class ScrubbingTests
{
    [Fact]
    public async Task Credentials_and_unreferenced_env_values_are_scrubbed_without_any_secret_resolved()
    {
        var canary = "unref-scrub-" + Guid.NewGuid().ToString("N")[..16];
        var apiKey = Guid.NewGuid().ToString();
        await using var backend = await BackendProcess.StartAsync([], new Dictionary<string, string>
        {
            ["UNREFERENCED_SCRUB_CANARY"] = canary,
            ["SENSU_BACKEND_CLUSTER_ADMIN_API_KEY"] = apiKey,
        }, CancellationToken.None);
        string[] values = [canary, BackendProcess.AdminPassword, apiKey];
        var all = string.Join(' ', values);
        using var admin = await BackendProcessApi.AdminAsync(backend, CancellationToken.None);

        // A handler echoing the event (whose check output holds the values) and the values in its own command, then failing;
        // a mutator printing them and failing (an error text); a handler that succeeds, printing them.
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/leaky",
            BackendProcessApi.PipeHandler("leaky", $"cat; echo 'echoed {all}'; exit 1"));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/chatty",
            BackendProcessApi.PipeHandler("chatty", $"echo 'chatty {all}'"));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/mutators/leaky-mutator",
            BackendProcessApi.PipeMutator("leaky-mutator", $"echo 'mutator {all}'; exit 4"));
        await BackendProcessApi.PutAsync(admin, "/api/core/v2/namespaces/default/handlers/behind-mutator",
            BackendProcessApi.PipeHandler("behind-mutator", "cat", mutator: "leaky-mutator"));

        await BackendProcessApi.PostEventAsync(admin, "scrub-check", 2, $"leak {all}", "leaky", "chatty", "behind-mutator");

        await BackendProcessApi.EventuallyAsync(backend, () =>
        {
            var log = backend.Log.Text();
            return log.Contains("handler leaky,", StringComparison.Ordinal)
                && log.Contains("handler chatty,", StringComparison.Ordinal)
                && log.Contains("non-zero exit status 4", StringComparison.Ordinal);
        }, "both handlers' output and the mutator's error logged");

        var text = backend.Log.Text();
        Assert.True(text.Contains("chatty REDACTED REDACTED REDACTED", StringComparison.Ordinal), text);
        Assert.Contains("mutator REDACTED REDACTED REDACTED", text, StringComparison.Ordinal);
        foreach (var value in values)
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);

        var (_, body) = await admin.SendJsonAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/events/web1/scrub-check", null);
        var output = JsonNode.Parse(body)!["check"]!["output"]!.GetValue<string>();
        Assert.Equal("leak REDACTED REDACTED REDACTED", output);
    }
}
