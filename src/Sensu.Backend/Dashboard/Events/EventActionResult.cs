namespace Sensu.Backend.Dashboard.Events;

/// <summary>What an action did: done, refused (not authorized) or not found, with a message to show.</summary>
public sealed record EventActionResult(bool Done, string Message)
{
    public static EventActionResult Refused(string action) => new(false, $"You are not allowed to {action} this event.");
}
