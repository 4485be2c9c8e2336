using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>The role a binding refers to: a <c>Role</c> (same namespace) or a <c>ClusterRole</c>.</summary>
public sealed class RoleRef : IJsonOnDeserialized
{
    public const string RoleType = "Role";
    public const string ClusterRoleType = "ClusterRole";

    public string Type { get; set; } = "";

    public string Name { get; set; } = "";

    void IJsonOnDeserialized.OnDeserialized()
    {
        Type = GoText.Title(Type);
        Name ??= "";
    }
}
