using Microsoft.Extensions.Options;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Throttles password guessing on <c>/auth</c> and <c>/auth/test</c>, per user name and per client address
/// (<see cref="LoginFailureTracker"/>; settings in <see cref="AuthOptions"/>). While either is locked, a login is
/// answered 429 with <c>Retry-After</c> without checking the password (so a right password does not get in either,
/// and costs no bcrypt). A success clears the name's failures, not the address's: one valid account must not reset the
/// counter of an address guessing others. State is in memory and per backend.
/// </summary>
public sealed class LoginThrottle
{
    private readonly LoginFailureTracker _users;
    private readonly LoginFailureTracker _addresses;

    public LoginThrottle(IOptions<AuthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _users = new LoginFailureTracker(o.LoginThrottleCapacity, o.LoginFreeFailures, o.LoginBackoffBase, o.LoginBackoffCap, time);
        _addresses = new LoginFailureTracker(o.LoginThrottleCapacity, o.LoginFreeFailures, o.LoginBackoffBase, o.LoginBackoffCap, time);
    }

    /// <summary>How long this login must wait, or null when it may be tried now.</summary>
    public TimeSpan? RetryAfter(string username, string address)
    {
        var user = _users.LockedFor(username);
        var client = _addresses.LockedFor(address);
        return user is null ? client : client is null ? user : user > client ? user : client;
    }

    public void Failed(string username, string address)
    {
        _users.Fail(username);
        _addresses.Fail(address);
    }

    public void Succeeded(string username) => _users.Reset(username);
}
