namespace Sensu.Backend.Authentication;

/// <summary>How a login ended: 200, 401, 429 (throttled), 503 (bcrypt workers saturated).</summary>
public enum LoginStatus
{
    Succeeded,
    Refused,
    Throttled,
    Busy,
}
