using System.Text.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

/// <summary>
/// Every docs example (5.17 and 6.14) of Entity, Event, Namespace, User, RBAC, APIKey, TessenConfig,
/// Secret, Env, VaultProvider and PostgresConfig deserialises and validates, except the listed ones.
/// </summary>
public sealed class DocsExamplesEntityRbacSecretsTests
{
    private static readonly string[] Types =
    [
        "Entity", "Event", "Namespace", "User", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding",
        "APIKey", "TessenConfig", "Secret", "Env", "VaultProvider", "PostgresConfig",
    ];

    /// <summary>Examples that are not whole resources, with the reason and the error they must give.</summary>
    private static readonly Dictionary<string, (string Reason, string Error)> Placeholders = new()
    {
        ["5.17/0109-Entity-sensu-docs.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["5.17/0110-Entity-sensu-docs.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["6.14/0052-Entity-sensu-docs.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["6.14/0053-Entity-sensu-docs.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["6.14/0056-Entity-postgresql.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["6.14/0057-Entity-postgresql.json"] = ("spec is the placeholder {\"...\": \"...\"}", "entity class must not be empty"),
        ["5.17/0020-Event-collect-metrics.json"] = ("fragment showing only check + metrics, no entity", "event must contain an entity"),
        ["5.17/0021-Event-collect-metrics.json"] = ("fragment showing only check + metrics, no entity", "event must contain an entity"),
        ["6.14/0273-Event-unnamed.json"] = ("fragment with a \"...\" placeholder, no entity", "event must contain an entity"),
    };

    /// <summary>Documented as not creatable by users (backend-class entities): valid data, refused on create.</summary>
    private static readonly HashSet<string> DocumentedInvalid =
    [
        "6.14/0040-Entity-6b6264feda40.json",
        "6.14/0041-Entity-6b6264feda40.json",
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocsCorpus.Files(Types))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_deserialises_and_validates(string file)
    {
        var resource = DocsCorpus.ToResource(file);
        if (Placeholders.TryGetValue(file, out var placeholder))
        {
            var ex = Assert.Throws<ResourceValidationException>(resource.Validate);
            Assert.Equal(placeholder.Error, ex.Message);
            return;
        }
        resource.Validate();
        if (DocumentedInvalid.Contains(file))
            Assert.Throws<ResourceValidationException>(((Entity)resource).EnsureUserCreatable);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_serialisation_is_stable(string file)
    {
        var resource = DocsCorpus.ToResource(file);
        var info = ResourceRegistry.For(resource).TypeInfo;
        var first = JsonSerializer.Serialize(resource, info);
        var second = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, info), info);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Corpus_has_examples_of_every_type()
    {
        var files = DocsCorpus.Files(Types).ToList();
        foreach (var type in Types)
            Assert.Contains(files, f => f.Contains($"-{type}-", StringComparison.Ordinal));
        Assert.All(Placeholders.Keys, k => Assert.Contains(k, files));
        Assert.All(DocumentedInvalid, k => Assert.Contains(k, files));
    }
}
