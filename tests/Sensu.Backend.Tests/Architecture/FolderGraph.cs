using Mono.Cecil;

namespace Sensu.Backend.Tests.Architecture;

/// <summary>
/// The backend's top folders (<c>Sensu.Backend.Secrets.Vault</c> → <c>Secrets</c>: a daemon and its sub-folders are one) and which
/// folder's types each folder's compiled code uses: signatures, base types, attributes and method bodies (IL), so
/// a fully qualified name counts as much as a <c>using</c>. Read with Mono.Cecil from the built assembly.
/// </summary>
public sealed class FolderGraph
{
    private const string Root = "Sensu.Backend";

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    private FolderGraph(Dictionary<string, HashSet<string>> edges) =>
        Edges = edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal);

    /// <summary>The folder of a namespace; the root namespace (Program) is <c>(root)</c>; null outside the backend.</summary>
    public static string? FolderOf(string? ns)
    {
        if (ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
            return null;
        var parts = ns.Split('.');
        return parts.Length > 2 ? parts[2] : "(root)";
    }

    public static FolderGraph Load(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            if (FolderOf(type.Namespace) is not { } folder)
                continue;
            var uses = edges.TryGetValue(folder, out var set) ? set : edges[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Flatten(UsedTypes(type)))
            {
                if (FolderOf(NamespaceOf(used)) is { } target && target != folder)
                    uses.Add(target);
            }
        }
        return new FolderGraph(edges);
    }

    /// <summary>Groups of folders that use each other, directly or through others (strongly connected, more than one).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indexes = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indexes[node] = low[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var targets) ? targets : new HashSet<string>())
            {
                if (!indexes.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], indexes[next]);
                }
            }
            if (low[node] != indexes[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
                result.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!indexes.ContainsKey(node))
                Visit(node);
        }
        return result;
    }

    private static string? NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.Namespace;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var i in type.Interfaces)
            yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes)
            yield return a.AttributeType;
        foreach (var f in type.Fields)
            yield return f.FieldType;
        foreach (var p in type.Properties)
            yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters)
                yield return p.ParameterType;
            if (!m.HasBody)
                continue;
            foreach (var v in m.Body.Variables)
                yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference mr:
                        yield return mr.DeclaringType;
                        yield return mr.ReturnType;
                        break;
                    case FieldReference fr:
                        yield return fr.DeclaringType;
                        break;
                }
            }
        }
        foreach (var nested in type.NestedTypes)
        {
            foreach (var used in UsedTypes(nested))
                yield return used;
        }
    }

    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                foreach (var inner in Expand(argument))
                    yield return inner;
            }
        }
        else if (type is TypeSpecification spec)
        {
            foreach (var inner in Expand(spec.ElementType))
                yield return inner;
        }
    }

    /// <summary>Every type a used type stands for (generic arguments, array elements...).</summary>
    public static IEnumerable<TypeReference> Flatten(IEnumerable<TypeReference> types) => types.SelectMany(Expand);
}
