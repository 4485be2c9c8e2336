using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard.Checks;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Dashboard.Resources;
using Sensu.Backend.Dashboard.Secrets;
using Sensu.Backend.Dashboard.Silences;
using Sensu.Backend.Schedulerd;
using Sensu.Backend.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Dashboard;

/// <summary>The dashboard's entities, checks, silences, secrets and read-only lists, and the events page's bulk actions and label filter, on the real domain layer.</summary>
public sealed class DashboardPagesTests
{
    private const string ViewerPassword = "viewer-P@ss1";
    private static readonly System.Security.Claims.ClaimsPrincipal Admin =
        SensuPrincipal.Create(TestBackend.AdminUser, SensuGroups.ForToken([SensuGroups.ClusterAdmins]), "test");
    private static readonly System.Security.Claims.ClaimsPrincipal Viewer =
        SensuPrincipal.Create("viewer", SensuGroups.ForToken([]), "test");

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Read_only_lists_are_shown_only_to_users_who_may_list_them_and_users_leave_without_password_hashes()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        await AddViewerAsync(api);
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/handlers/slack",
            """{"metadata":{"name":"slack","namespace":"default"},"type":"pipe","command":"notify"}"""));
        var resources = backend.Services.GetRequiredService<DashboardResources>();

        var handlers = await resources.ListAsync(Viewer, ResourceKinds.Find("handlers")!.Type, "default", _ct);
        Assert.Equal(["slack"], handlers!.Select(h => h.Metadata.Name));
        Assert.Null(await resources.ListAsync(Viewer, ResourceKinds.Find("users")!.Type, "default", _ct));
        Assert.Null(await resources.ListAsync(Viewer, ResourceKinds.Find("roles")!.Type, "default", _ct));
        Assert.Null(await resources.ListAsync(Viewer, ResourceRegistry.For<Sensu.Core.Resources.Secrets.Secret>(), "default", _ct));

        var users = (await resources.ListAsync(Admin, ResourceKinds.Find("users")!.Type, "default", _ct))!.OfType<User>().ToList();
        Assert.Contains(users, u => u.Metadata.Name == "viewer");
        Assert.All(users, u => Assert.True(string.IsNullOrEmpty(u.PasswordHash) && string.IsNullOrEmpty(u.Password)));
        foreach (var kind in ResourceKinds.All)
            Assert.NotNull(await resources.ListAsync(Admin, kind.Type, "default", _ct));
    }

    [Fact]
    public async Task An_entity_shows_its_redacted_labels_redacted_its_events_and_its_silences()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/entities/db-1",
            """{"metadata":{"name":"db-1","namespace":"default","labels":{"password":"hunter2-label","region":"eu"}},"entity_class":"proxy","subscriptions":["db"]}"""));
        await PostEventAsync(api, "db-1", "disk", 2, "disk full", """{"team":"storage"}""");
        await PostEventAsync(api, "db-1", "cpu", 0, "fine", """{"team":"compute"}""");
        var resources = backend.Services.GetRequiredService<DashboardResources>();
        var events = backend.Services.GetRequiredService<DashboardEvents>();
        await WaitForAsync(async () => (await events.ListAsync(Admin, "default", new EventQuery(Entity: "db-1"), EventCursor.First, 10, _ct)).Rows.Count == 2);

        var entity = await resources.GetAsync<Entity>(Admin, "default", "db-1", _ct);
        Assert.Equal("REDACTED", entity!.Metadata.Labels!["password"]);
        Assert.Equal("eu", entity.Metadata.Labels["region"]);
        Assert.DoesNotContain(await resources.ListAsync<Entity>(Admin, "default", _ct), e => e.Metadata.Labels?.ContainsValue("hunter2-label") == true);

        // The label filter: on the check's labels, and on the entity's labels as shown (a redacted one only as REDACTED).
        async Task<string[]> Checks(string label) =>
            (await events.ListAsync(Admin, "default", new EventQuery(Label: label), EventCursor.First, 10, _ct)).Rows.Select(r => r.Check).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["disk"], await Checks("team=storage"));
        Assert.Equal(["cpu", "disk"], await Checks("team"));
        Assert.Empty(await Checks("password=hunter2-label"));
        Assert.Equal(["cpu", "disk"], await Checks("password=REDACTED"));

        // A new silence answers with what it silences now.
        var silences = backend.Services.GetRequiredService<SilenceActions>();
        var created = await silences.CreateAsync(Admin, "default", "entity:db-1", null, "maintenance", 600, _ct);
        Assert.True(created.Result.Done, created.Result.Message);
        Assert.Equal(["cpu", "disk"], created.Silenced.Select(r => r.Check).Order(StringComparer.Ordinal));
        var other = await silences.CreateAsync(Admin, "default", "web", "nothing-here", "no match", 0, _ct);
        Assert.True(other.Result.Done);
        Assert.Empty(other.Silenced);
        var listed = await resources.ListAsync<Silenced>(Admin, "default", _ct);
        Assert.Contains(listed, s => s.Metadata.Name == "entity:db-1:*" && s.Reason == "maintenance" && s.Creator == TestBackend.AdminUser && s.ExpireAt > 0);
        Assert.False(await silences.CanClearAsync(Viewer, "default", "entity:db-1:*", _ct));
        Assert.False((await silences.CreateAsync(Viewer, "default", "x", null, "forced", 0, _ct)).Result.Done);
        Assert.True((await silences.ClearAsync(Admin, "default", "entity:db-1:*", _ct)).Done);
        Assert.DoesNotContain(await resources.ListAsync<Silenced>(Admin, "default", _ct), s => s.Metadata.Name == "entity:db-1:*");
    }

    [Fact]
    public async Task Execute_now_and_re_run_queue_what_they_report_and_a_viewer_is_refused()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var api = await backend.LoginAsync(cancellationToken: _ct);
        await AddViewerAsync(api);
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/checks/ping",
            """{"metadata":{"name":"ping","namespace":"default"},"command":"true","interval":60,"subscriptions":["linux"],"publish":false}"""));
        var checks = backend.Services.GetRequiredService<CheckActions>();
        var actions = backend.Services.GetRequiredService<EventActions>();

        Assert.False(await checks.CanExecuteAsync(Viewer, "default", "ping", _ct));
        Assert.False((await checks.ExecuteAsync(Viewer, "default", "ping", [], null, _ct)).Done);
        Assert.False((await actions.RerunAsync(Viewer, "default", "web-1", "ping", _ct)).Done);

        var issued = await checks.ExecuteAsync(Admin, "default", "ping", [], "testing", _ct);
        Assert.True(issued.Done, issued.Message);
        Assert.Equal("Issued check ping to subscriptions linux (reason: testing).", issued.Message);
        var rerun = await actions.RerunAsync(Admin, "default", "web-1", "ping", _ct);
        Assert.True(rerun.Done, rerun.Message);
        Assert.Contains("entity:web-1", rerun.Message, StringComparison.Ordinal);
        Assert.False((await actions.RerunAsync(Admin, "default", "web-1", "no-such-check", _ct)).Done);
    }

    [Fact]
    public async Task Secrets_show_provider_id_users_and_last_resolution_but_never_a_value()
    {
        var canary = "CANARY-dash-" + Guid.NewGuid().ToString("N")[..12];
        var variable = "SENSU_DASH_CANARY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, canary);
        try
        {
            await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
            using var api = await backend.LoginAsync(cancellationToken: _ct);
            await AddViewerAsync(api);
            Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/token",
                $$$"""{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"token","namespace":"default"},"spec":{"id":"{{{variable}}}","provider":"env"}}"""));
            Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/handlers/pager",
                """{"metadata":{"name":"pager","namespace":"default"},"type":"pipe","command":"page","secrets":[{"name":"TOKEN","secret":"token"}]}"""));
            var secrets = backend.Services.GetRequiredService<DashboardSecrets>();

            var before = await secrets.ReadAsync(Admin, "default", _ct);
            var row = Assert.Single(before.Secrets!);
            Assert.Equal(("token", "env", variable, "handler pager"), (row.Name, row.Provider, row.Id, Assert.Single(row.UsedBy)));
            Assert.Null(row.LastResolution);
            Assert.Contains(before.Providers!, p => p.Name == "env" && p.Type == "Env");

            await backend.Services.GetRequiredService<SecretsResolver>().ResolveAsync("default", [new SecretReference { Name = "TOKEN", Secret = "token" }], "handler pager", _ct);
            var after = await secrets.ReadAsync(Admin, "default", _ct);
            var resolved = Assert.Single(after.Secrets!).LastResolution;
            Assert.Equal(("handler pager", "env", "ok"), (resolved!.Consumer, resolved.Provider, resolved.Outcome));
            await WaitForAsync(async () => (await secrets.ReadAsync(Admin, "default", _ct)).Health is not null);
            var health = (await secrets.ReadAsync(Admin, "default", _ct)).Health!;
            Assert.Equal((0u, SecretsHealthEvents.OkOutput), (health.Status, health.Output));
            Assert.DoesNotContain(canary, after.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(canary, string.Join("\n", after.Secrets!.Select(s => s.ToString())), StringComparison.Ordinal);

            var viewer = await secrets.ReadAsync(Viewer, "default", _ct);
            Assert.Null(viewer.Secrets);
            Assert.Null(viewer.Providers);
            Assert.Null(viewer.Health);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void The_audit_keeps_the_latest_resolution_per_secret_within_its_bound()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var audit = new SecretAudit(time);
        audit.Record("default", "a", "handler x", "env", "ok");
        time.Advance(TimeSpan.FromSeconds(1));
        audit.Record("default", "a", "check y", "env", "not_found");
        Assert.Equal(("check y", "not_found"), (audit.Latest("default", "a")!.Consumer, audit.Latest("default", "a")!.Outcome));
        for (var i = 0; i < SecretAudit.Capacity; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            audit.Record("default", "s" + i, "handler x", "env", "ok");
        }
        Assert.Null(audit.Latest("default", "a"));
        Assert.NotNull(audit.Latest("default", "s0"));
    }

    private static async Task PostEventAsync(HttpClient api, string entity, string check, int status, string output, string checkLabels)
    {
        var json = $$$"""{"entity":{"metadata":{"name":"{{{entity}}}","namespace":"default","labels":{"password":"hunter2-label"}},"entity_class":"proxy"},"check":{"metadata":{"name":"{{{check}}}","namespace":"default","labels":{{{checkLabels}}}},"status":{{{status}}},"output":"{{{output}}}","interval":60}}""";
        Assert.Equal(HttpStatusCode.Created, await api.PostJsonAsync("/api/core/v2/namespaces/default/events", json));
    }

    private static async Task AddViewerAsync(HttpClient api)
    {
        Assert.Equal(HttpStatusCode.Created, await api.PostJsonAsync("/api/core/v2/users", $$"""{"username":"viewer","password":"{{ViewerPassword}}","groups":[]}"""));
        Assert.Equal(HttpStatusCode.Created, await api.PutJsonAsync("/api/core/v2/namespaces/default/rolebindings/viewer-view",
            """{"metadata":{"name":"viewer-view","namespace":"default"},"role_ref":{"type":"ClusterRole","name":"view"},"subjects":[{"type":"User","name":"viewer"}]}"""));
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        while (!await condition())
            await Task.Delay(20, _ct);
    }
}
