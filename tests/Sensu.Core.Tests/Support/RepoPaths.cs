namespace Sensu.Core.Tests.Support;

/// <summary>Paths under the workspace's <c>shared</c> folder (specs, corpus), found by <see cref="Sensu.Testing.DocsExamples"/>.</summary>
internal static class RepoPaths
{
    /// <summary>The shared folder, e.g. <c>…/shared/conformance/docs-examples</c> for <c>("conformance", "docs-examples")</c>.</summary>
    public static string? Shared(params string[] parts)
    {
        var shared = Path.GetFullPath(Path.Combine(Sensu.Testing.DocsExamples.Root, "..", ".."));
        return Path.Combine([shared, .. parts]);
    }
}
