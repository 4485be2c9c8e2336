using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Apid;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>The backend's <c>secrets</c> events (secrets-spec §4.3): shape, 30 s throttle per status, never blocking.</summary>
public sealed class SecretsHealthEventsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_failure_is_a_critical_event_on_the_backend_entity_in_sensu_system()
    {
        var writer = new CapturingEventWriter();
        var health = Create(writer);
        await health.StartAsync(CancellationToken.None);

        health.ReportUnavailable("vault provider \"vault\": cannot get secret \"a#b\": secret provider not available: Connection refused");

        await SecretsHarness.EventuallyAsync(() => writer.Events.Count == 1);
        var ev = writer.Events.Single();
        Assert.Equal("sensu-system", ev.Metadata.Namespace);
        Assert.Equal("backend-1", ev.Entity!.Metadata.Name);
        Assert.Equal(Entity.BackendClass, ev.Entity.EntityClass);
        Assert.Equal("secrets", ev.Check!.Metadata.Name);
        Assert.Equal(2u, ev.Check.Status);
        Assert.Contains("Connection refused", ev.Check.Output, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), ev.Check.Executed);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), ev.Timestamp);
        Assert.True(Guid.TryParse(ev.Id, out _));
        await health.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_same_status_within_30_seconds_is_published_once_and_a_change_at_once()
    {
        var writer = new CapturingEventWriter();
        var health = Create(writer);
        await health.StartAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++)
            health.ReportUnavailable("down");
        _time.Advance(TimeSpan.FromSeconds(29));
        health.ReportUnavailable("down");
        await SecretsHarness.EventuallyAsync(() => writer.Events.Count >= 1);
        health.ReportOk();
        await SecretsHarness.EventuallyAsync(() => writer.Events.Count >= 2);
        health.ReportOk();
        _time.Advance(TimeSpan.FromSeconds(30));
        health.ReportOk();
        await SecretsHarness.EventuallyAsync(() => writer.Events.Count >= 3);
        await health.StopAsync(CancellationToken.None);

        Assert.Equal([2u, 0u, 0u], writer.Events.Select(e => e.Check!.Status));
        Assert.Equal(SecretsHealthEvents.OkOutput, writer.Events[1].Check!.Output);
    }

    [Fact]
    public async Task Reporting_never_waits_for_a_stuck_pipeline()
    {
        var stuck = Create(new CapturingEventWriter(stuck: true));
        await stuck.StartAsync(CancellationToken.None);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            stuck.ReportUnavailable("down " + i);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"reporting took {watch.Elapsed}");
        await stuck.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Values_in_an_error_text_are_scrubbed()
    {
        var writer = new CapturingEventWriter();
        var scrubber = new SecretScrubber();
        scrubber.Register("canary-in-error-9e8d7c");
        var health = Create(writer, scrubber);
        await health.StartAsync(CancellationToken.None);

        health.ReportUnavailable("odd provider echoed canary-in-error-9e8d7c back");

        await SecretsHarness.EventuallyAsync(() => writer.Events.Count == 1);
        Assert.DoesNotContain("canary-in-error-9e8d7c", writer.Events[0].Check!.Output, StringComparison.Ordinal);
        await health.StopAsync(CancellationToken.None);
    }

    private SecretsHealthEvents Create(IEventWriter writer, SecretScrubber? scrubber = null) =>
        new(writer, new BackendEntity("backend-1"), scrubber ?? new SecretScrubber(),
            _time, NullLogger<SecretsHealthEvents>.Instance);
}
