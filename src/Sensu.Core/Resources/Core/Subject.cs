using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>Who a (Cluster)RoleBinding grants its role to: a <c>User</c> or a <c>Group</c>.</summary>
public sealed class Subject : IJsonOnDeserialized
{
    public const string UserType = "User";
    public const string GroupType = "Group";

    public string Type { get; set; } = "";

    public string Name { get; set; } = "";

    void IJsonOnDeserialized.OnDeserialized()
    {
        Type = GoText.Title(Type);
        Name ??= "";
    }
}
