namespace Sensu.Backend.Authentication;

/// <summary>Outcome of a password check: matched, did not (or no such user), or not checked because the bcrypt workers are saturated.</summary>
public enum PasswordCheck
{
    Verified,
    Wrong,
    Busy,
}
