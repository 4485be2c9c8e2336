using System.Runtime.CompilerServices;

namespace Sensu.Core.Tests.Support;

/// <summary>Finds the workspace folder that holds both <c>main</c> (this repository) and <c>shared</c> (specs, corpus).</summary>
internal static class RepoPaths
{
    /// <summary>
    /// Walks up from the test binaries, then (for builds with <c>--artifacts-path</c> outside the tree) from this
    /// source file. Null when neither is inside such a workspace.
    /// </summary>
    public static string? Workspace([CallerFilePath] string sourceFile = "")
    {
        return WalkUp(AppContext.BaseDirectory) ?? WalkUp(Path.GetDirectoryName(sourceFile));
    }

    /// <summary>The shared folder, e.g. <c>…/shared/conformance/docs-examples</c> for <c>("conformance", "docs-examples")</c>.</summary>
    public static string? Shared(params string[] parts)
    {
        var root = Workspace();
        return root is null ? null : Path.Combine([root, "shared", .. parts]);
    }

    private static string? WalkUp(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "main")) && Directory.Exists(Path.Combine(dir.FullName, "shared")))
                return dir.FullName;
        }
        return null;
    }
}
