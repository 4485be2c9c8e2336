using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Tests.Pipeline.Assets;

/// <summary>Asset archives built in memory (tar.gz), including one that tries to write outside its directory.</summary>
internal static class AssetTarballs
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Runnable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static string Sha512(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    /// <summary>A tar.gz of (path, content, executable) files.</summary>
    public static byte[] TarGz(params (string Path, string Content, bool Executable)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content, executable) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    Mode = executable ? Runnable : Readable,
                });
            }
        }
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(tar.ToArray());
        return gz.ToArray();
    }

    /// <summary>An asset with an executable <c>bin/&lt;command&gt;</c> shell script.</summary>
    public static byte[] Script(string command, string body) => TarGz(($"bin/{command}", "#!/bin/sh\n" + body + "\n", true));

    /// <summary>An archive with a good file and one whose path climbs out of the asset directory.</summary>
    public static byte[] Escaping() => TarGz(("bin/ok", "#!/bin/sh\ntrue\n", true), ("../../escaped-by-asset", "pwned", false));
}
