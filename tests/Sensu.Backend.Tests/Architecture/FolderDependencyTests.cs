using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Architecture;

/// <summary>
/// The backend's folders depend on each other one way (docs/architecture.md): the HTTP folder <c>Apid</c> is used by
/// the composition root only, and no two folders use each other, directly or through a third.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly FolderGraph Graph = FolderGraph.Load(typeof(BackendHost).Assembly.Location);

    private static readonly string[] CompositionRoots = ["Hosting", "(root)"];

    [Fact]
    public void The_graph_sees_the_composition_roots_use_of_every_daemon()
    {
        var hosting = Graph.Edges["Hosting"];
        Assert.Contains("Apid", hosting);
        Assert.Contains("Eventd", hosting);
        Assert.Contains("Secrets", hosting);
    }

    [Fact]
    public void Only_the_composition_root_uses_Apid()
    {
        var users = Graph.Edges.Where(e => !CompositionRoots.Contains(e.Key) && e.Value.Contains("Apid")).Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Empty(users);
    }

    [Fact]
    public void No_daemon_uses_the_composition_root()
    {
        var users = Graph.Edges.Where(e => !CompositionRoots.Contains(e.Key) && e.Value.Contains("Hosting")).Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Empty(users);
    }

    [Fact]
    public void No_two_folders_depend_on_each_other()
    {
        var cycles = Graph.Cycles();
        Assert.True(cycles.Count == 0, string.Join("; ", cycles.Select(c => string.Join(", ", c.Select(f => $"{f} -> [{string.Join(" ", Graph.Edges[f].Where(c.Contains))}]")))));
    }
}
