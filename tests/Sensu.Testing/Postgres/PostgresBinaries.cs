using System.Diagnostics;

namespace Sensu.Testing.Postgres;

/// <summary>
/// Where PostgreSQL's server programs are: <c>pg_config --bindir</c>, else the highest <c>/usr/lib/postgresql/*/bin</c>
/// (Debian's layout). Null when neither has <c>initdb</c> and <c>postgres</c>.
/// </summary>
public static class PostgresBinaries
{
    public const string MissingMessage =
        "PostgreSQL server binaries not found (neither `pg_config --bindir` nor /usr/lib/postgresql/*/bin has initdb and postgres); install Debian's postgresql package";

    private static readonly Lazy<string?> Found = new(Locate);

    public static string? Directory => Found.Value;

    /// <summary>Whether the tests that need a server run (CI always runs them, and fails when PostgreSQL is missing).</summary>
    public static bool Available => Directory is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Locate()
    {
        // Lets a developer check the skip path on a machine that has PostgreSQL.
        if (Environment.GetEnvironmentVariable("SENSU_TEST_NO_POSTGRES") == "1")
            return null;
        if (Usable(FromPgConfig()) is { } configured)
            return configured;
        const string debian = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(debian))
            return null;
        return System.IO.Directory.EnumerateDirectories(debian)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(d => d.Version >= 0)
            .OrderByDescending(d => d.Version)
            .Select(d => Usable(d.Bin))
            .FirstOrDefault(d => d is not null);
    }

    private static string? Usable(string? bin) =>
        bin is not null && File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")) ? bin : null;

    private static string? FromPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length != 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }
}
