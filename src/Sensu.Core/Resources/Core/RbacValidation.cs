using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>Validation shared by Role/ClusterRole and RoleBinding/ClusterRoleBinding (core v2 rbac.go).</summary>
internal static class RbacValidation
{
    /// <summary>Role and binding names follow the subscription rule (at most one ':').</summary>
    public static void Name(string? name, string kind)
    {
        if (string.IsNullOrEmpty(name))
            throw new ResourceValidationException($"the {kind} name must not be empty");
        if (!Validators.IsSubscriptionName(name))
            throw new ResourceValidationException($"the {kind} name cannot contain spaces or special characters");
    }

    public static void Rules(List<RbacRule> rules, string kind)
    {
        if (rules.Count == 0)
            throw new ResourceValidationException($"a {kind} must have at least one rule");
    }

    public static void RuleVerbs(List<RbacRule> rules)
    {
        foreach (var rule in rules)
            rule.Validate();
    }

    public static void RoleRef(RoleRef roleRef)
    {
        var type = GoText.Title(roleRef.Type);
        if (type != Core.RoleRef.ClusterRoleType && type != Core.RoleRef.RoleType)
        {
            throw new ResourceValidationException(
                $"roleRef type {GoText.Quote(type)} is invalid, expected either {GoText.Quote(Core.RoleRef.ClusterRoleType)} or {GoText.Quote(Core.RoleRef.RoleType)}");
        }
        if (string.IsNullOrEmpty(roleRef.Name))
            throw new ResourceValidationException($"roleRef name for {type} is required");
    }

    public static void Subjects(List<Subject> subjects)
    {
        if (subjects.Count == 0)
            throw new ResourceValidationException("a RoleBinding must have at least one subject");
        foreach (var subject in subjects)
        {
            var type = GoText.Title(subject.Type);
            if (type != Subject.GroupType && type != Subject.UserType)
            {
                throw new ResourceValidationException(
                    $"subject type {GoText.Quote(subject.Type)} is invalid, expected either {GoText.Quote(Subject.GroupType)} or {GoText.Quote(Subject.UserType)}");
            }
            if (string.IsNullOrEmpty(subject.Name))
                throw new ResourceValidationException($"subject name for the {GoText.Quote(type)} type is required");
        }
    }

    /// <summary>Title-cases subject and role_ref types as Sensu stores them (<c>user</c> → <c>User</c>).</summary>
    public static void Normalize(List<Subject> subjects, RoleRef roleRef)
    {
        foreach (var subject in subjects)
            subject.Type = GoText.Title(subject.Type);
        roleRef.Type = GoText.Title(roleRef.Type);
    }
}
