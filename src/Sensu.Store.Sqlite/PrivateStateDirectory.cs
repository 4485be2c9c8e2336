using Microsoft.Extensions.Logging;

namespace Sensu.Store.Sqlite;

/// <summary>
/// Keeps the state directory private: it holds the JWT signing key, password hashes and provider tokens, so the
/// directory (and any below it) is 0700 and every file 0600, whatever the process umask. New ones are created with
/// those modes; existing ones open to group or others are narrowed, with a warning naming each.
/// Symbolic links are left alone (their mode means nothing; their targets are not ours to change).
/// </summary>
internal static class PrivateStateDirectory
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="directory"/> 0700 when missing, then narrows it and everything in it.</summary>
    public static void Secure(string directory, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
            Directory.CreateDirectory(directory, DirectoryMode);
        Narrow(new DirectoryInfo(directory), logger);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
        }))
        {
            Narrow(entry, logger);
        }
    }

    /// <summary>Creates an empty file 0600 unless it exists (SQLite then gives its -wal and -shm the same mode).</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows() || Path.Exists(path))
            return; // an existing file is narrowed by Secure; anything else is SQLite's to refuse, with its own error
        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created meanwhile by another opener; Secure narrows it if needed.
        }
    }

    private static void Narrow(FileSystemInfo entry, ILogger logger)
    {
        if (entry.LinkTarget is not null || OperatingSystem.IsWindows())
            return;
        var mode = entry.UnixFileMode;
        if ((mode & GroupAndOthers) == 0)
            return;
        var isDirectory = entry is DirectoryInfo;
        var narrowed = isDirectory ? DirectoryMode : mode & ~GroupAndOthers & ~UnixFileMode.UserExecute | FileMode;
        entry.UnixFileMode = narrowed;
        Log.StatePathNarrowed(logger, isDirectory ? "directory" : "file", entry.FullName, Octal(mode), Octal(narrowed));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
