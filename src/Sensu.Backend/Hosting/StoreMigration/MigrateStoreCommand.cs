using Sensu.Core.Configuration;

namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>
/// <c>sensu-backend migrate-store --from sqlite:PATH --to postgres:DSN</c> (either way round): copies a whole store
/// into an empty one (or, with <c>--force</c>, one it empties first), then compares counts and SHA-256 per kind of
/// both and prints them. Exit 0 when they match, <see cref="MismatchExitCode"/> when they do not, 1 when the target
/// holds data and <c>--force</c> was not given; bad arguments (2) and unreachable stores (1) take the start-up path.
/// </summary>
public static class MigrateStoreCommand
{
    public const int RefusedExitCode = 1;

    public const int MismatchExitCode = 4;

    public static async Task<int> RunAsync(string? from, string? to, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var sourceLocation = StoreLocation.Parse(from, "--from");
        var targetLocation = StoreLocation.Parse(to, "--to");
        if (sourceLocation.Provider == targetLocation.Provider && SameSqlitePath(sourceLocation, targetLocation))
            throw new SettingsException("--from and --to name the same store");

        await using var source = await MigrationStore.OpenAsync(sourceLocation, mustExist: true, cancellationToken);
        await using var target = await MigrationStore.OpenAsync(targetLocation, mustExist: false, cancellationToken);
        if (string.Equals(source.Description, target.Description, StringComparison.Ordinal))
            throw new SettingsException("--from and --to name the same store");
        if (!await target.IsEmptyAsync(cancellationToken))
        {
            if (!force)
            {
                await error.WriteLineAsync($"error: the target store {target.Description} is not empty; pass --force to replace its content");
                return RefusedExitCode;
            }
            await output.WriteLineAsync($"emptying {target.Description} (--force)");
            await StoreCopier.ClearAsync(target, cancellationToken);
        }

        var (resources, events) = await new StoreCopier(source, target).CopyAsync(cancellationToken);
        await output.WriteLineAsync($"copied {resources} resources and {events} events from {source.Description} to {target.Description}");

        var comparison = DigestComparison.Compare(
            await StoreDigest.ComputeAsync(source.Reader, source.Events, cancellationToken),
            await StoreDigest.ComputeAsync(target.Reader, target.Events, cancellationToken));
        await WriteTableAsync(output, comparison);
        var mismatched = comparison.Count(c => !c.Matches);
        if (mismatched > 0)
        {
            await error.WriteLineAsync($"error: verification failed: {mismatched} kind(s) differ between {source.Description} and {target.Description}");
            return MismatchExitCode;
        }
        await output.WriteLineAsync("verified: every kind has the same count and SHA-256 in both stores");
        return 0;
    }

    /// <summary>Prints one line per kind: counts of both stores, the first 12 hex digits of each SHA-256, and ok or MISMATCH.</summary>
    public static async Task WriteTableAsync(TextWriter output, IReadOnlyList<DigestComparison> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var width = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.Kind.Length));
        await output.WriteLineAsync($"{"KIND".PadRight(width)}  {"SOURCE",8}  {"TARGET",8}  {"SOURCE SHA-256",-14}  {"TARGET SHA-256",-14}  RESULT");
        foreach (var row in rows)
        {
            await output.WriteLineAsync(
                $"{row.Kind.PadRight(width)}  {row.Source?.Count ?? 0,8}  {row.Target?.Count ?? 0,8}  {Short(row.Source),-14}  {Short(row.Target),-14}  {(row.Matches ? "ok" : "MISMATCH")}");
        }
    }

    private static string Short(KindDigest? digest) => digest is null ? "-" : digest.Sha256[..12];

    private static bool SameSqlitePath(StoreLocation a, StoreLocation b) =>
        a.Provider == StoreProvider.Sqlite
        && string.Equals(a.SqliteOptions().DatabasePath, b.SqliteOptions().DatabasePath, StringComparison.Ordinal);
}
