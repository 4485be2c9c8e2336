using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>A check's <c>proxy_requests</c> (core-spec §3.1.1): which entities a proxy check runs for.</summary>
public sealed class ProxyRequests : IJsonOnDeserialized
{
    /// <summary>Sensu's documented default for <see cref="SplayCoverage"/>.</summary>
    public const uint DefaultSplayCoverage = 90;

    /// <summary>JavaScript expressions over <c>entity</c>; all must be true for an entity to match.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> EntityAttributes { get; set; } = [];

    public bool Splay { get; set; }

    public uint SplayCoverage { get; set; }

    public void Validate()
    {
        if (SplayCoverage > 100)
            throw new ResourceValidationException("proxy request splay coverage must be between 0 and 100");
        if (Splay && SplayCoverage == 0)
            throw new ResourceValidationException("proxy request splay coverage must be greater than 0 if splay is enabled");
        JavaScriptSyntax.Expressions(EntityAttributes);
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        EntityAttributes ??= [];
    }
}
