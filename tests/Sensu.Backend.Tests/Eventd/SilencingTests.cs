using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Eventd;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>core-spec §3.10 and §12 items 39–41: which silences apply, expiry on resolution, begin in the future.</summary>
public sealed class SilencingTests
{
    private const long Now = 1_700_000_000;
    private readonly EventStateMachine _machine = new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)));

    [Fact]
    public void A_subscription_and_check_silence_applies_to_a_subscribed_entity()
    {
        var ev = Apply(Event(2), [Silence("linux", "check-cpu")]).Event;
        Assert.Equal(["linux:check-cpu"], ev.Check!.Silenced);
        Assert.True(ev.Check.IsSilenced);
        Assert.True(ev.IsSilenced);
    }

    [Theory]
    [InlineData(null, "check-cpu", true)]
    [InlineData("entity:web1", null, true)]
    [InlineData("entity:web1", "check-cpu", true)]
    [InlineData("linux", null, true)]
    [InlineData("windows", null, false)]
    [InlineData("linux", "check-disk", false)]
    [InlineData("entity:web2", null, false)]
    public void Silences_match_by_entity_subscription_or_shared_check_subscription(string? subscription, string? check, bool silenced)
    {
        var ev = Apply(Event(2), [Silence(subscription, check)]).Event;
        Assert.Equal(silenced, ev.Check!.IsSilenced);
    }

    [Fact]
    public void A_check_subscription_the_entity_lacks_does_not_silence()
    {
        var ev = Event(2);
        ev.Check!.Subscriptions = ["linux", "windows"];
        ev.Entity!.Subscriptions = ["linux"];
        Assert.False(Apply(ev, [Silence("windows", null)]).Event.Check!.IsSilenced);
    }

    [Fact]
    public void A_proxy_check_is_silenced_by_any_entity_subscription()
    {
        var ev = Event(2);
        ev.Check!.ProxyEntityName = "web1";
        ev.Check.Subscriptions = ["poller"];
        ev.Entity!.Subscriptions = ["routers"];
        Assert.True(Apply(ev, [Silence("routers", null)]).Event.Check!.IsSilenced);
    }

    [Fact]
    public void A_silence_that_has_not_begun_or_has_expired_does_not_apply()
    {
        var future = Silence("linux", "check-cpu");
        future.Begin = Now + 60;
        var expired = Silence("linux", null);
        expired.Begin = Now - 600;
        expired.ExpireAt = Now - 1;
        var ev = Apply(Event(2), [future, expired]).Event;
        Assert.Null(ev.Check!.Silenced);
        Assert.False(ev.Check.IsSilenced);
    }

    [Fact]
    public void Expire_on_resolve_silences_end_on_the_resolving_event()
    {
        var onResolve = Silence("linux", "check-cpu");
        onResolve.ExpireOnResolve = true;
        var keep = Silence(null, "check-cpu");
        var first = Apply(Event(2), [onResolve, keep]);
        Assert.Empty(first.SilencesToDelete);
        Assert.Equal(["*:check-cpu", "linux:check-cpu"], first.Event.Check!.Silenced);

        var previous = JsonSerializer.Deserialize(first.PersistedJson, SensuJsonContext.Default.Event);
        var resolution = _machine.Apply(Event(0), previous!.Check, [onResolve, keep]);
        Assert.True(resolution.Event.IsResolution);
        Assert.Equal(["linux:check-cpu"], resolution.SilencesToDelete);
        Assert.Equal(["*:check-cpu"], resolution.Event.Check!.Silenced);
        Assert.True(resolution.Event.Check.IsSilenced);
    }

    [Fact]
    public void When_only_expire_on_resolve_silences_matched_the_resolution_is_not_silenced()
    {
        var onResolve = Silence("linux", "check-cpu");
        onResolve.ExpireOnResolve = true;
        var previous = JsonSerializer.Deserialize(Apply(Event(2), [onResolve]).PersistedJson, SensuJsonContext.Default.Event);
        var resolution = _machine.Apply(Event(0), previous!.Check, [onResolve]);
        Assert.Equal(["linux:check-cpu"], resolution.SilencesToDelete);
        Assert.Null(resolution.Event.Check!.Silenced);
        Assert.False(resolution.Event.Check.IsSilenced);
        Assert.False(resolution.Event.IsSilenced);
    }

    private EventTransition Apply(Event ev, IEnumerable<Silenced> silences) => _machine.Apply(ev, null, silences);

    private static Event Event(uint status) => EventStateMachineTests.Result(status, Now);

    internal static Silenced Silence(string? subscription, string? check)
    {
        var silence = new Silenced { Subscription = subscription, Check = check, Begin = Now - 10, Metadata = new() { Namespace = "default" } };
        silence.ApplyComputedName();
        return silence;
    }
}
