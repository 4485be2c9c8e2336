using System.Formats.Tar;
using System.IO.Compression;

namespace Sensu.Execution.Assets;

/// <summary>
/// Unpacks a downloaded asset: the type is sniffed from the content (tar: "ustar" at offset 257; gzip: 1f 8b, holding a
/// tar) and nothing else is accepted. Every entry must land inside the target directory: absolute names, <c>..</c>
/// segments, links whose target leaves the directory, and entries written through a symbolic link are refused.
/// </summary>
internal static class AssetArchive
{
    private const int SniffLength = 262;

    public static void Extract(string archivePath, string targetDirectory, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(archivePath);
        var header = new byte[SniffLength];
        var read = file.ReadAtLeast(header, SniffLength, throwOnEndOfStream: false);
        file.Position = 0;
        Stream tar = SniffType(header.AsSpan(0, read)) switch
        {
            "application/x-tar" => file,
            "application/gzip" => new GZipStream(file, CompressionMode.Decompress, leaveOpen: true),
            var other => throw new InvalidDataException($"given file of format '{other}' does not appear valid"),
        };
        try
        {
            var root = Path.GetFullPath(targetDirectory);
            AssetCachePermissions.CreateDirectory(root);
            using var reader = new TarReader(tar);
            while (reader.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ExtractEntry(entry, root);
            }
        }
        finally
        {
            if (!ReferenceEquals(tar, file))
                tar.Dispose();
        }
    }

    internal static string SniffType(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 2 && header[0] == 0x1f && header[1] == 0x8b)
            return "application/gzip";
        if (header.Length >= 262 && header.Slice(257, 5).SequenceEqual("ustar"u8))
            return "application/x-tar";
        if (header.Length >= 4 && header[..4].SequenceEqual("PK\u0003\u0004"u8))
            return "application/zip";
        if (header.Length >= 3 && header[..3].SequenceEqual("BZh"u8))
            return "application/x-bzip2";
        if (header.Length >= 6 && header[..6].SequenceEqual(new byte[] { 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00 }))
            return "application/x-xz";
        return "unknown";
    }

    private static void ExtractEntry(TarEntry entry, string root)
    {
        var path = Resolve(root, entry.Name, entry.Name);
        if (path == root)
            return;
        EnsureNoSymlinkOnTheWay(root, Path.GetDirectoryName(path)!, entry.Name);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (IsSymlink(path))
                    File.Delete(path);
                AssetCachePermissions.CreateDirectory(path);
                SetMode(path, AssetCachePermissions.Private(entry.Mode, directory: true));
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                AssetCachePermissions.CreateDirectory(Path.GetDirectoryName(path)!);
                RemoveExisting(path);
                using (var output = AssetCachePermissions.CreateFile(path))
                    entry.DataStream?.CopyTo(output);
                SetMode(path, AssetCachePermissions.Private(entry.Mode, directory: false));
                break;
            case TarEntryType.SymbolicLink:
            {
                var link = entry.LinkName;
                if (Path.IsPathRooted(link))
                    throw Escape(entry.Name, $"links to the absolute path \"{link}\"");
                Resolve(root, Path.Combine(Path.GetRelativePath(root, Path.GetDirectoryName(path)!), link), entry.Name);
                AssetCachePermissions.CreateDirectory(Path.GetDirectoryName(path)!);
                RemoveExisting(path);
                File.CreateSymbolicLink(path, link);
                break;
            }
            case TarEntryType.HardLink:
            {
                var target = Resolve(root, entry.LinkName, entry.Name);
                EnsureNoSymlinkOnTheWay(root, Path.GetDirectoryName(target)!, entry.Name);
                if (!File.Exists(target) || IsSymlink(target))
                    throw new InvalidDataException($"archive entry \"{entry.Name}\" is a hard link to \"{entry.LinkName}\", which is not a file of the archive");
                AssetCachePermissions.CreateDirectory(Path.GetDirectoryName(path)!);
                RemoveExisting(path);
                File.Copy(target, path);
                if (!OperatingSystem.IsWindows())
                    SetMode(path, AssetCachePermissions.Private(File.GetUnixFileMode(target), directory: false));
                break;
            }
            case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                break;
            default:
                throw new InvalidDataException($"archive entry \"{entry.Name}\" has unsupported type {entry.EntryType}");
        }
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; refuses absolute names and any path leaving the root.</summary>
    private static string Resolve(string root, string relative, string entryName)
    {
        if (Path.IsPathRooted(relative) || relative.StartsWith('/') || relative.StartsWith('\\'))
            throw Escape(entryName, "has an absolute path");
        var segments = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = 0;
        foreach (var segment in segments)
        {
            if (segment == "..")
                depth--;
            else if (segment != ".")
                depth++;
            if (depth < 0)
                throw Escape(entryName, "leaves the asset directory");
        }
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw Escape(entryName, "leaves the asset directory");
        return full;
    }

    private static void EnsureNoSymlinkOnTheWay(string root, string directory, string entryName)
    {
        for (var current = directory; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (IsSymlink(current))
                throw Escape(entryName, "would be written through a symbolic link");
        }
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;

    private static void RemoveExisting(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
            info.Delete();
        else if (Directory.Exists(path))
            throw new InvalidDataException($"archive entry \"{path}\" replaces a directory");
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    private static InvalidDataException Escape(string entryName, string why) =>
        new($"archive entry \"{entryName}\" {why}: refusing to write outside the asset directory");
}
