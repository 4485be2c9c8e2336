using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 CheckConfig (core-spec §3.1): what to run, where, and when.</summary>
public sealed class CheckConfig : CheckDefinition, IResource, IJsonOnDeserialized
{
    /// <summary>
    /// Name, schedule (<c>interval</c> xor <c>cron</c>), namespace, then the shared rules; the first broken
    /// rule throws with Sensu's message.
    /// </summary>
    public void Validate()
    {
        Validators.Name(Metadata.Name, "check name");
        if (!string.IsNullOrEmpty(Cron))
            ValidateCron();
        if (Interval == 0 && string.IsNullOrEmpty(Cron))
            throw new ResourceValidationException("check interval must be greater than 0 or a valid cron schedule must be provided");
        Validators.NamespaceSet(Metadata.Namespace);
        if (Ttl > 0 && Ttl <= Interval)
            throw new ResourceValidationException("ttl must be greater than check interval");
        ValidateDefinition();
        ValidateSubdues();
        ValidateFallbackPipeline();
    }

    /// <summary>The check as it appears inside an event, before any result is attached.</summary>
    public Check ToCheck()
    {
        var check = new Check();
        CopyDefinitionTo(check);
        return check;
    }

    void IJsonOnDeserialized.OnDeserialized() => NormalizeDefinition();
}
