namespace Sensu.Backend.Dashboard.Auth;

/// <summary>
/// A signed-in browser: the login session (<see cref="Authentication.AuthSessions"/>) it belongs to and the token
/// pair that session was opened with, kept server-side; the browser holds only an opaque reference.
/// </summary>
public sealed record DashboardSession(string Username, string AuthSessionId, string AccessToken, string RefreshToken);
