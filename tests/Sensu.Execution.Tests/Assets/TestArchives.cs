using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Execution.Tests.Assets;

/// <summary>Builds tar and tar.gz archives in memory, including hostile ones.</summary>
public static class TestArchives
{
    public static string Sha512(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    public static byte[] Tar(params TarEntry[] entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
                writer.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return buffer.ToArray();
    }

    public static PaxTarEntry File(string name, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode };

    public static PaxTarEntry Executable(string name, string content) =>
        File(name, content, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    public static PaxTarEntry Directory(string name) =>
        new(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101 };

    public static PaxTarEntry Symlink(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    /// <summary>A typical asset: <c>bin/hello</c> (executable), <c>lib/libhello.so</c>, <c>include/hello.h</c>.</summary>
    public static byte[] HelloAsset(string greeting = "hello") => Gzip(Tar(
        Directory("bin/"),
        Executable("bin/hello", $"#!/bin/sh\necho {greeting}\n"),
        File("lib/libhello.so", "not really a library"),
        File("include/hello.h", "#define HELLO 1\n")));
}
