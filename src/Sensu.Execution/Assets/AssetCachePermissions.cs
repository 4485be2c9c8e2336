namespace Sensu.Execution.Assets;

/// <summary>
/// The asset cache is private to the user running the program: directories 0700, files without group or other
/// bits (an executable keeps its owner execute bit), whatever the process umask. New entries are created that way;
/// <see cref="Secure"/> narrows an existing cache at start and says what it changed. Symbolic links are left alone.
/// </summary>
public static class AssetCachePermissions
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnly = DirectoryMode;

    /// <summary>Creates <paramref name="path"/> (and missing parents) 0700 when missing.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
            Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>A new file (<see cref="System.IO.FileMode.CreateNew"/>) created 0600.</summary>
    public static FileStream CreateFile(string path, System.IO.FileMode mode = System.IO.FileMode.CreateNew, FileAccess access = FileAccess.Write, bool useAsync = false)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, Options = useAsync ? FileOptions.Asynchronous : FileOptions.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>The mode an extracted entry gets: the archive's owner bits (plus read/write, plus execute for a directory), nothing for group or others.</summary>
    public static UnixFileMode Private(UnixFileMode archived, bool directory) =>
        (archived | FileMode | (directory ? UnixFileMode.UserExecute : 0)) & OwnerOnly;

    /// <summary>
    /// Narrows <paramref name="cacheDirectory"/> and everything in it to owner-only; returns each path changed with
    /// its old and new mode (empty when all was private, or the directory does not exist).
    /// </summary>
    public static IReadOnlyList<(string Path, UnixFileMode Was, UnixFileMode Now)> Secure(string cacheDirectory)
    {
        var changed = new List<(string, UnixFileMode, UnixFileMode)>();
        if (OperatingSystem.IsWindows() || !Directory.Exists(cacheDirectory))
            return changed;
        var root = new DirectoryInfo(cacheDirectory);
        Narrow(root, changed);
        foreach (var entry in root.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
            Narrow(entry, changed);
        return changed;
    }

    private static void Narrow(FileSystemInfo entry, List<(string, UnixFileMode, UnixFileMode)> changed)
    {
        if (entry.LinkTarget is not null || OperatingSystem.IsWindows())
            return;
        var mode = entry.UnixFileMode;
        var narrowed = entry is DirectoryInfo ? mode & OwnerOnly | DirectoryMode : mode & OwnerOnly;
        if (narrowed == mode)
            return;
        entry.UnixFileMode = narrowed;
        changed.Add((entry.FullName, mode, narrowed));
    }
}
