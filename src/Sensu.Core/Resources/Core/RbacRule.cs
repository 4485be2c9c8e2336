using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>One RBAC rule: which verbs on which resources (optionally only the named ones).</summary>
public sealed class RbacRule : IJsonOnDeserialized
{
    public const string All = "*";

    /// <summary>Verbs a rule may name.</summary>
    public static IReadOnlyList<string> AllowedVerbs { get; } = [All, "get", "list", "create", "update", "delete"];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Verbs { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Resources { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> ResourceNames { get; set; } = [];

    public bool VerbMatches(string verb) => Verbs.Exists(v => v == All || v == verb);

    public bool ResourceMatches(string resource) => Resources.Exists(r => r == All || r == resource);

    public bool ResourceNameMatches(string name) => ResourceNames.Count == 0 || ResourceNames.Contains(name);

    /// <summary>Splits comma-separated verbs and resources (<c>"get,list"</c>) into separate items, as Sensu stores them.</summary>
    public void Normalize()
    {
        Verbs = Split(Verbs);
        Resources = Split(Resources);
    }

    /// <summary>Throws on the first verb that is not allowed (comma-separated items are checked one by one).</summary>
    public void Validate()
    {
        foreach (var verb in Split(Verbs))
        {
            if (!AllowedVerbs.Contains(verb, StringComparer.Ordinal))
                throw new ResourceValidationException($"the verb {GoText.Quote(verb)} is not valid");
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Verbs ??= [];
        Resources ??= [];
        ResourceNames ??= [];
        Normalize();
    }

    internal static List<string> Split(List<string> items)
    {
        var result = new List<string>(items.Count);
        foreach (var item in items)
            result.AddRange((item ?? "").Split(','));
        return result;
    }
}
