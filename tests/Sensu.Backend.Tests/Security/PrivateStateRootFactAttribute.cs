namespace Sensu.Backend.Tests.Security;

/// <summary>A fact that must switch to another uid to prove a point; skipped, with the reason, unless the tests run as root.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrivateStateRootFactAttribute : FactAttribute
{
    public PrivateStateRootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
            Skip = "needs root to read a file as user nobody (setpriv); the test run is not root";
    }
}
