using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Apid;
using Sensu.Backend.Resources;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16 point 6: lists stream. The store is read in chunks of <see cref="ApiLimits.DefaultListChunkSize"/>, the
/// answer is one JSON array sent chunked while the store is still being read, Sensu's paging is kept across chunks,
/// redaction applies to every item, and a failure after the first byte aborts the answer instead of appending an error.
/// </summary>
public sealed class ListStreamingTests : IAsyncLifetime
{
    private const int EventCount = 2600;
    private const string Events = "/api/core/v2/namespaces/default/events";
    private TestBackend _backend = null!;
    private HttpClient _admin = null!;
    private ListStreamingEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(null, services =>
            services.AddSingleton<IEventStore>(sp => new ListStreamingEventStore(sp.GetRequiredService<SqliteEventStore>())));
        _admin = await _backend.LoginAsync();
        _store = (ListStreamingEventStore)_backend.Services.GetRequiredService<IEventStore>();
        for (var batch = 0; batch < EventCount; batch += 200)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(200, EventCount - batch)).Select(i =>
                _store.PutEventAsync(new EventKey("default", EntityName(i), "disk"), EventJson(i), CancellationToken.None)));
        }
    }

    public async Task DisposeAsync()
    {
        _store.Release();
        _admin.Dispose();
        await _backend.DisposeAsync();
    }

    private static string EntityName(int i) => $"e{i:D5}";

    private static string EventJson(int i) =>
        "{\"metadata\":{\"namespace\":\"default\"},\"timestamp\":1700000000," +
        "\"entity\":{\"entity_class\":\"proxy\",\"metadata\":{\"name\":\"" + EntityName(i) + "\",\"namespace\":\"default\",\"labels\":{\"password\":\"hunter2\",\"region\":\"eu\"}}}," +
        "\"check\":{\"metadata\":{\"name\":\"disk\",\"namespace\":\"default\"},\"command\":\"true\",\"interval\":60,\"status\":0,\"output\":\"ok\"}}";

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static List<string> EntityNames(JsonArray events) =>
        events.Select(e => e!["entity"]!["metadata"]!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task An_unpaginated_list_is_one_chunked_array_read_from_the_store_in_chunks()
    {
        _store.ListReads.Clear();
        using var response = await _admin.GetAsync(Events, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked, "a streamed list is sent chunked");
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.False(response.Headers.Contains(ApiRequestContext.ContinueHeader));
        var body = await response.Content.ReadAsStringAsync();

        var names = EntityNames(JsonNode.Parse(body)!.AsArray());
        Assert.Equal(Enumerable.Range(0, EventCount).Select(EntityName), names);
        var reads = _store.ListReads.ToList();
        Assert.True(reads.Count >= EventCount / ApiLimits.DefaultListChunkSize, $"{reads.Count} store reads");
        Assert.All(reads, r => Assert.InRange(r.Limit, 1, ApiLimits.DefaultListChunkSize));
    }

    [Fact]
    public async Task The_first_items_reach_the_client_before_the_store_has_been_read_to_the_end()
    {
        _store.HoldLaterReads = true;
        var deadline = Deadline();
        using var response = await _admin.GetAsync(Events, HttpCompletionOption.ResponseHeadersRead, deadline);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(deadline);

        // While the second store read is held, the first chunk's items arrive.
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (Encoding.UTF8.GetString(received.ToArray()).Split("\"name\":\"e", StringSplitOptions.None).Length < 100)
        {
            var n = await stream.ReadAsync(buffer, deadline);
            Assert.True(n > 0, "the answer ended while the store was held");
            received.Write(buffer, 0, n);
        }
        await _store.LaterReadStarted.WaitAsync(deadline);
        Assert.StartsWith("[{", Encoding.UTF8.GetString(received.ToArray()), StringComparison.Ordinal);

        _store.Release();
        await stream.CopyToAsync(received, deadline);
        Assert.Equal(EventCount, JsonNode.Parse(received.ToArray())!.AsArray().Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1200)]
    [InlineData(1300)]
    [InlineData(5000)]
    public async Task Paging_with_limit_and_continue_walks_every_item_once_across_chunks(int limit)
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = $"{Events}?limit={limit}" + (token is null ? string.Empty : $"&continue={Uri.EscapeDataString(token)}");
            using var response = await _admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = EntityNames(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray());
            token = response.Headers.TryGetValues(ApiRequestContext.ContinueHeader, out var values) ? values.Single() : null;
            Assert.True(page.Count == limit || token is null, $"a page of {page.Count} for limit {limit} with a next token");
            seen.AddRange(page);
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Equal(Enumerable.Range(0, EventCount).Select(EntityName), seen);
        Assert.Equal((EventCount + limit - 1) / limit, pages);
    }

    [Fact]
    public async Task Every_item_of_a_streamed_event_list_is_redacted_for_a_view_user()
    {
        await _admin.PutJsonAsync("/api/core/v2/users/viewer", "{\"username\":\"viewer\",\"password\":\"viewer-pass1\",\"groups\":[\"readers\"],\"disabled\":false}");
        await _admin.PutJsonAsync("/api/core/v2/clusterrolebindings/readers-view",
            "{\"metadata\":{\"name\":\"readers-view\"},\"subjects\":[{\"type\":\"Group\",\"name\":\"readers\"}],\"role_ref\":{\"type\":\"ClusterRole\",\"name\":\"view\"}}");
        using var viewer = await _backend.LoginAsync("viewer", "viewer-pass1");

        foreach (var path in new[] { Events, "/api/core/v2/events", $"{Events}?limit=1100" })
        {
            var body = await viewer.GetStringAsync(path);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            var events = JsonNode.Parse(body)!.AsArray();
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.Equal(Entity.Redacted, e!["entity"]!["metadata"]!["labels"]!["password"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Every_item_of_a_streamed_resource_list_goes_through_the_output_filters()
    {
        var service = _backend.Services.GetRequiredService<ResourceService>();
        for (var batch = 0; batch < 1100; batch += 100)
        {
            await Task.WhenAll(Enumerable.Range(batch, 100).Select(i => service.PutAsync(new Entity
            {
                EntityClass = "proxy",
                Metadata = new ObjectMeta { Name = $"n{i:D5}", Namespace = "default", Labels = new Dictionary<string, string> { ["api_key"] = "hunter2" } },
            }, CancellationToken.None)));
        }

        var body = await _admin.GetStringAsync("/api/core/v2/namespaces/default/entities");
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        var names = JsonNode.Parse(body)!.AsArray().Select(e => e!["metadata"]!["name"]!.GetValue<string>()).Where(n => n.StartsWith('n')).ToList();
        Assert.Equal(Enumerable.Range(0, 1100).Select(i => $"n{i:D5}"), names);
    }

    [Fact]
    public async Task A_bad_continue_token_is_an_error_body_not_a_stream()
    {
        var (status, text) = await _admin.SendJsonAsync(HttpMethod.Get, $"{Events}?limit=10&continue=not-a-token", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(1, JsonNode.Parse(text)!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_store_failure_after_the_first_byte_aborts_the_answer_instead_of_appending_an_error()
    {
        _store.FailLaterReads = true;
        var deadline = Deadline();
        using var response = await _admin.GetAsync(Events, HttpCompletionOption.ResponseHeadersRead, deadline);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = await Record.ExceptionAsync(() => response.Content.ReadAsStringAsync(deadline));
        Assert.True(failure is HttpRequestException or IOException, $"expected a broken answer, got {failure?.GetType().Name ?? "a complete body"}");
    }
}
