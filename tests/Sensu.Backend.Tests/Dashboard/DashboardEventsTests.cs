using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Resources;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Dashboard;

/// <summary>The dashboard's event reads and actions against the real domain layer and store.</summary>
public sealed class DashboardEventsTests
{
    private const string ViewerPassword = "viewer-P@ss1";
    private static readonly System.Security.Claims.ClaimsPrincipal Admin =
        SensuPrincipal.Create(TestBackend.AdminUser, SensuGroups.ForToken([SensuGroups.ClusterAdmins]), "test");
    private static readonly System.Security.Claims.ClaimsPrincipal Viewer =
        SensuPrincipal.Create("viewer", SensuGroups.ForToken([]), "test");

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Non_passing_events_come_first_across_server_side_pages_and_filters_narrow_them()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        (string Entity, string Check, int Status, string Output)[] seeded =
        [
            ("a-host", "cpu", 0, "fine"), ("a-host", "disk", 2, "disk full"), ("b-host", "cpu", 1, "load high"),
            ("b-host", "disk", 0, "fine"), ("c-host", "cpu", 0, "fine"), ("c-host", "mem", 3, "no answer"),
        ];
        foreach (var (entity, check, status, output) in seeded)
            await PostEventAsync(api, entity, check, status, output);
        var events = backend.Services.GetRequiredService<DashboardEvents>();
        await WaitForAsync(async () => (await events.ListAsync(Admin, "default", new EventQuery(), EventCursor.First, 100, _ct)).Rows.Count == seeded.Length);

        var rows = new List<EventRow>();
        var cursor = (EventCursor?)EventCursor.First;
        var pages = 0;
        while (cursor is not null)
        {
            var page = await events.ListAsync(Admin, "default", new EventQuery(), cursor, 2, _ct);
            Assert.True(page.Rows.Count <= 2);
            rows.AddRange(page.Rows);
            cursor = page.Next;
            pages++;
        }
        Assert.Equal(seeded.Length, rows.Count);
        Assert.True(pages >= 3);
        Assert.Equal([false, false, false, true, true, true], rows.Select(r => r.Status == 0).ToArray());
        Assert.Equal(seeded.Length, rows.Select(r => (r.Entity, r.Check)).Distinct().Count());

        async Task<string[]> Names(EventQuery query) =>
            (await events.ListAsync(Admin, "default", query, EventCursor.First, 100, _ct)).Rows.Select(r => r.Entity + "/" + r.Check).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["a-host/disk"], await Names(new EventQuery(EventStatusFilter.Critical)));
        Assert.Equal(["c-host/mem"], await Names(new EventQuery(EventStatusFilter.Unknown)));
        Assert.Equal(["a-host/cpu", "b-host/disk", "c-host/cpu"], await Names(new EventQuery(EventStatusFilter.Passing)));
        Assert.Equal(["b-host/cpu", "b-host/disk"], await Names(new EventQuery(Entity: "b-host")));
        Assert.Equal(["a-host/cpu", "b-host/cpu", "c-host/cpu"], await Names(new EventQuery(Check: "cpu")));
        Assert.Equal(["a-host/disk"], await Names(new EventQuery(Text: "DISK FULL")));
        Assert.Equal(["b-host/cpu"], await Names(new EventQuery(EventStatusFilter.NonPassing, Text: "load")));
    }

    [Fact]
    public async Task A_view_user_forcing_resolve_silence_or_delete_is_refused_and_nothing_changes()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        await AddViewerAsync(api);
        await PostEventAsync(api, "web-1", "disk", 2, "disk full");
        var events = backend.Services.GetRequiredService<DashboardEvents>();
        await WaitForAsync(async () => await events.GetAsync(Admin, "default", "web-1", "disk", _ct) is not null);
        var actions = backend.Services.GetRequiredService<EventActions>();

        Assert.Equal(new EventPermissions(false, false, false), await actions.PermissionsAsync(Viewer, "default", "web-1", "disk", _ct));
        Assert.False((await actions.ResolveAsync(Viewer, "default", "web-1", "disk", _ct)).Done);
        Assert.False((await actions.SilenceAsync(Viewer, "default", "web-1", "disk", "forced", 60, _ct)).Done);
        Assert.False((await actions.DeleteAsync(Viewer, "default", "web-1", "disk", _ct)).Done);
        var detail = await events.GetAsync(Viewer, "default", "web-1", "disk", _ct);
        Assert.Equal(2u, detail!.Row.Status);
        Assert.Empty(detail.Silences);

        Assert.Equal(new EventPermissions(true, true, true), await actions.PermissionsAsync(Admin, "default", "web-1", "disk", _ct));
        Assert.True((await actions.SilenceAsync(Admin, "default", "web-1", "disk", "replacing the disk", 3600, _ct)).Done);
        var silenced = await events.GetAsync(Admin, "default", "web-1", "disk", _ct);
        var silence = Assert.Single(silenced!.Silences);
        Assert.Equal(("replacing the disk", TestBackend.AdminUser), (silence.Reason, silence.Creator));
        Assert.True(silence.ExpireAt > 0);
        Assert.True((await actions.ResolveAsync(Admin, "default", "web-1", "disk", _ct)).Done);
        await WaitForAsync(async () => (await events.GetAsync(Admin, "default", "web-1", "disk", _ct))!.Row.Status == 0);
        Assert.True((await actions.DeleteAsync(Admin, "default", "web-1", "disk", _ct)).Done);
        Assert.Null(await events.GetAsync(Admin, "default", "web-1", "disk", _ct));
    }

    [Fact]
    public async Task The_namespace_switcher_offers_only_the_namespaces_a_user_may_see()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/other", """{"name":"other"}"""));
        await AddViewerAsync(api);
        var access = backend.Services.GetRequiredService<DashboardAccess>();

        Assert.Equal(["default"], await access.VisibleNamespacesAsync(Viewer, _ct));
        Assert.Contains("other", await access.VisibleNamespacesAsync(Admin, _ct));
        Assert.False(await access.CanAsync(Viewer, "GET", DashboardAccess.EventsPath("other"), _ct));
        Assert.True(await access.CanAsync(Viewer, "GET", DashboardAccess.EventsPath("default"), _ct));
    }

    [Fact]
    public async Task An_event_write_is_announced_to_subscribers_of_its_namespace_only()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        var changes = backend.Services.GetRequiredService<EventChanges>();
        using var mine = changes.Subscribe(k => k.Namespace == "default");
        using var other = changes.Subscribe(k => k.Namespace == "other");

        await PostEventAsync(api, "web-1", "disk", 2, "disk full");
        var key = await mine.Reader.ReadAsync(_ct);

        Assert.Equal(new EventKey("default", "web-1", "disk"), key);
        Assert.False(other.Reader.TryRead(out _));
    }

    private static async Task PostEventAsync(HttpClient api, string entity, string check, int status, string output)
    {
        var json = $$$"""{"entity":{"metadata":{"name":"{{{entity}}}","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"{{{check}}}","namespace":"default"},"status":{{{status}}},"output":"{{{output}}}","interval":60}}""";
        Assert.Equal(HttpStatusCode.Created, await api.PostJsonAsync("/api/core/v2/namespaces/default/events", json));
    }

    private static async Task AddViewerAsync(HttpClient api)
    {
        Assert.Equal(HttpStatusCode.Created, await api.PostJsonAsync("/api/core/v2/users", $$"""{"username":"viewer","password":"{{ViewerPassword}}","groups":[]}"""));
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/rolebindings/viewer-view",
            """{"metadata":{"name":"viewer-view","namespace":"default"},"role_ref":{"type":"ClusterRole","name":"view"},"subjects":[{"type":"User","name":"viewer"}]}"""));
    }

    /// <summary>Events reach the store through Eventd's queue: waits for the condition (bounded by the test's token).</summary>
    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        while (!await condition())
            await Task.Delay(20, _ct);
    }
}
