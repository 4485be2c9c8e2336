using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Eventd;

/// <summary>Eventd's queues (<c>--eventd-workers</c>, <c>--eventd-buffer-size</c>), validated at start.</summary>
public sealed class EventdOptions
{
    [Range(1, 10000, ErrorMessage = "eventd-workers must be between 1 and 10000")]
    public int Workers { get; set; } = 100;

    [Range(1, int.MaxValue, ErrorMessage = "eventd-buffer-size must be at least 1")]
    public int BufferSize { get; set; } = 1000;
}
