using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Authentication;
using Sensu.Backend.Tests.Authentication;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 5: failed logins are throttled per user name and per client address (429 + Retry-After, an
/// exponential back-off), unknown users cost the same bcrypt comparison as known ones, and password checks that
/// cannot get a bcrypt worker are refused at once (503) rather than queued without bound.
/// </summary>
public sealed class LoginThrottlingTests : IAsyncLifetime
{
    private readonly CountingVerifier _verifier = new();
    private AuthTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AuthTestHost.StartAsync(null, s =>
        {
            s.AddSingleton<IPasswordVerifier>(_verifier);
            s.Configure<AuthOptions>(o => o.PasswordCheckQueue = 0);
        });
        await _host.AddUserAsync("bob", "b0bPassword", "ops");
        await _host.AddUserAsync("carol", "c4rolPassword", "ops");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Repeated_wrong_passwords_are_throttled_and_the_right_one_works_after_the_back_off()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync("bob", "wrong"));

        using var throttled = await LoginAsync("bob", "b0bPassword");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(5, await AuthTestHost.ErrorCodeAsync(throttled));

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync("bob", "b0bPassword"));
    }

    [Fact]
    public async Task The_back_off_doubles_up_to_its_cap()
    {
        for (var i = 0; i < 5; i++)
            await LoginStatusAsync("bob", "wrong");
        var expected = TimeSpan.FromSeconds(1);
        for (var round = 0; round < 12; round++)
        {
            using var throttled = await LoginAsync("bob", "wrong");
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(expected, throttled.Headers.RetryAfter?.Delta);
            _host.Time.Advance(expected);
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync("bob", "wrong"));
            expected = TimeSpan.FromTicks(Math.Min(expected.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
        }
        Assert.Equal(TimeSpan.FromMinutes(5), expected);
    }

    [Fact]
    public async Task A_throttled_login_costs_no_bcrypt()
    {
        for (var i = 0; i < 5; i++)
            await LoginStatusAsync("bob", "wrong");
        var before = _verifier.Calls;
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginStatusAsync("bob", "wrong"));
        Assert.Equal(before, _verifier.Calls);
    }

    [Fact]
    public async Task Failures_from_one_address_throttle_other_names_too()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync("user" + i, "guess"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginStatusAsync("carol", "c4rolPassword"));
    }

    [Fact]
    public async Task Auth_test_is_throttled_like_a_login()
    {
        for (var i = 0; i < 5; i++)
        {
            using var bad = await _host.SendAsync(HttpMethod.Get, "/auth/test", auth: AuthTestHost.Basic("bob", "wrong"));
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        }
        using var throttled = await _host.SendAsync(HttpMethod.Get, "/auth/test", auth: AuthTestHost.Basic("bob", "b0bPassword"));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("nobody", "whatever1")]
    [InlineData("bob", "wrong")]
    [InlineData("bob", "b0bPassword")]
    public async Task Unknown_and_known_users_each_cost_one_bcrypt_comparison(string user, string password)
    {
        var before = _verifier.Calls;
        await LoginStatusAsync(user, password);
        Assert.Equal(before + 1, _verifier.Calls);
    }

    [Fact]
    public async Task A_disabled_user_costs_one_bcrypt_comparison_and_is_refused()
    {
        var carol = (await _host.GetUserAsync("carol"))!;
        carol.Disabled = true;
        await _host.PutAsync(carol);
        var before = _verifier.Calls;
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync("carol", "c4rolPassword"));
        Assert.Equal(before + 1, _verifier.Calls);
    }

    [Fact]
    public async Task A_remembered_success_costs_no_bcrypt()
    {
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync("bob", "b0bPassword"));
        var before = _verifier.Calls;
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync("bob", "b0bPassword"));
        Assert.Equal(before, _verifier.Calls);
    }

    [Fact]
    public async Task When_every_bcrypt_worker_is_busy_and_the_queue_is_full_a_login_is_503_at_once()
    {
        using var gate = new SemaphoreSlim(0);
        _verifier.Gate = gate;
        var workers = Math.Max(1, Environment.ProcessorCount - 1);
        var blocked = Enumerable.Range(0, workers).Select(_ => Task.Run(() => LoginStatusAsync("bob", "wrong"))).ToList();
        await WaitUntilAsync(() => _verifier.Waiting == workers);

        using var busy = await LoginAsync("carol", "c4rolPassword");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);

        gate.Release(workers);
        foreach (var status in await Task.WhenAll(blocked))
            Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        await _host.SendAsync(HttpMethod.Get, "/auth", auth: AuthTestHost.Basic(user, password));

    private async Task<HttpStatusCode> LoginStatusAsync(string user, string password)
    {
        using var response = await LoginAsync(user, password);
        return response.StatusCode;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }

    /// <summary>Counts bcrypt comparisons (the real ones run), optionally holding each until released.</summary>
    private sealed class CountingVerifier : IPasswordVerifier
    {
        private int _calls;
        private int _waiting;

        public SemaphoreSlim? Gate { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public int Waiting => Volatile.Read(ref _waiting);

        public bool Verify(string password, string hash)
        {
            Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                Interlocked.Increment(ref _waiting);
                gate.Wait(TimeSpan.FromSeconds(30));
                Interlocked.Decrement(ref _waiting);
            }
            return PasswordHasher.Verify(password, hash);
        }
    }
}
