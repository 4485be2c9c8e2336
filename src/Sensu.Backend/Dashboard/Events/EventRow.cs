using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard.Events;

/// <summary>One event as the dashboard shows it (already redacted as the API shows it).</summary>
public sealed record EventRow(Event Event)
{
    public string Entity => Event.Entity?.Metadata.Name ?? string.Empty;

    public string Check => Event.Check?.Metadata.Name ?? string.Empty;

    public uint Status => Event.Check?.Status ?? 0;

    public string Output => Event.Check?.Output ?? string.Empty;

    public bool Silenced => Event.Check is { IsSilenced: true } or { Silenced.Count: > 0 };
}
