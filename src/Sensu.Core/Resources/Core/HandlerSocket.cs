using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>Destination of a <c>tcp</c>/<c>udp</c> handler.</summary>
public sealed class HandlerSocket
{
    public string Host { get; set; } = "";

    public uint Port { get; set; }

    public void Validate()
    {
        if (string.IsNullOrEmpty(Host))
            throw new ResourceValidationException("socket host undefined");
        if (Port == 0)
            throw new ResourceValidationException("socket port undefined");
    }
}
