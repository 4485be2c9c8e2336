using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 Silenced (core-spec §3.10): mutes events of a check and/or subscription. Its name is always
/// <c>subscription:check</c> with <c>*</c> for a missing part (<see cref="ComputeName(string?, string?)"/>).
/// </summary>
public sealed class Silenced : IResource, IJsonOnDeserialized
{
    public const string Wildcard = "*";

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Subscription { get; set; }

    public string? Check { get; set; }

    /// <summary>Unix seconds; the entry is ignored while <c>begin</c> is in the future.</summary>
    public long Begin { get; set; }

    /// <summary>Seconds from <see cref="Begin"/>; -1 means no expiry.</summary>
    public long Expire { get; set; }

    /// <summary>Unix seconds when the entry expires (0 = never).</summary>
    public long ExpireAt { get; set; }

    public bool ExpireOnResolve { get; set; }

    public string? Creator { get; set; }

    public string? Reason { get; set; }

    /// <summary><c>subscription:check</c>, <c>*</c> for an empty part; throws when both are empty.</summary>
    public static string ComputeName(string? subscription, string? check)
    {
        if (string.IsNullOrEmpty(subscription) && string.IsNullOrEmpty(check))
            throw new ResourceValidationException("no subscription or check specified");
        return $"{(string.IsNullOrEmpty(subscription) ? Wildcard : subscription)}:{(string.IsNullOrEmpty(check) ? Wildcard : check)}";
    }

    /// <summary>This entry's canonical name.</summary>
    public string ComputeName() => ComputeName(Subscription, Check);

    /// <summary>Overwrites <c>metadata.name</c> with the canonical name, as the server does on create.</summary>
    public void ApplyComputedName() => Metadata.Name = ComputeName();

    /// <summary>True when the entry covers (<paramref name="check"/>, <paramref name="subscription"/>): each part empty, <c>*</c> or equal.</summary>
    public bool Matches(string check, string subscription) =>
        (string.IsNullOrEmpty(Subscription) || Subscription == Wildcard || Subscription == subscription)
        && (string.IsNullOrEmpty(Check) || Check == Wildcard || Check == check);

    public void Validate()
    {
        if ((string.IsNullOrEmpty(Subscription) && string.IsNullOrEmpty(Check)) || (Subscription == Wildcard && Check == Wildcard))
            throw new ResourceValidationException("must provide check or subscription");
        if (!string.IsNullOrEmpty(Subscription) && Subscription != Wildcard)
            Validators.SubscriptionName(Subscription, "Subscription");
        if (!string.IsNullOrEmpty(Check) && Check != Wildcard)
            Validators.Name(Check, "Check");
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        if (Subscription is { Length: 0 }) Subscription = null;
        if (Check is { Length: 0 }) Check = null;
        if (Creator is { Length: 0 }) Creator = null;
        if (Reason is { Length: 0 }) Reason = null;
    }
}
