using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>Destination of a <c>tcp</c>/<c>udp</c> handler.</summary>
public sealed class HandlerSocket
{
    [JsonIgnore]
    public string Host { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Host"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("host")]
    internal string? HostJson { get => Host.Length == 0 ? null : Host; set => Host = value ?? ""; }

    public uint Port { get; set; }

    public void Validate()
    {
        if (string.IsNullOrEmpty(Host))
            throw new ResourceValidationException("socket host undefined");
        if (Port == 0)
            throw new ResourceValidationException("socket port undefined");
    }
}
