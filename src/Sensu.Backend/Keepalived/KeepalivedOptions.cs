using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// Keepalived's queues (<c>--keepalived-workers</c>, <c>--keepalived-buffer-size</c>) and the default
/// <c>--deregistration-handler</c>, validated at start.
/// </summary>
public sealed class KeepalivedOptions
{
    [Range(1, 10000, ErrorMessage = "keepalived-workers must be between 1 and 10000")]
    public int Workers { get; set; } = 100;

    [Range(1, int.MaxValue, ErrorMessage = "keepalived-buffer-size must be at least 1")]
    public int BufferSize { get; set; } = 1000;

    /// <summary>The handler of deregistration events of entities that name none.</summary>
    public string? DeregistrationHandler { get; set; }
}
