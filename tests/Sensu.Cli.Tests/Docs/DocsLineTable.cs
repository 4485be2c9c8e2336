namespace Sensu.Cli.Tests.Docs;

/// <summary>The checked-in lists: the extracted docs lines and the hand-kept table saying how each runs.</summary>
public static class DocsLineTable
{
    public sealed record Row(int Phase, string Line, bool Skip, string Detail)
    {
        public string Runnable => Detail == "=" ? Line : Detail;
    }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Docs");

    /// <summary>The lines of <c>sensuctl-6.14-lines.tsv</c> (file, line).</summary>
    public static IReadOnlyList<(string File, string Line)> Extracted() =>
        [.. File.ReadAllLines(Path.Combine(Folder, "sensuctl-6.14-lines.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))];

    /// <summary>The rows of <c>sensuctl-6.14-table.tsv</c>, in run order (phase, then file order).</summary>
    public static IReadOnlyList<Row> Rows() =>
        [.. File.ReadAllLines(Path.Combine(Folder, "sensuctl-6.14-table.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new Row(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2] switch
            {
                "RUN" => false,
                "SKIP" => true,
                _ => throw new InvalidDataException("action must be RUN or SKIP: " + string.Join('\t', p)),
            }, p[3]))
            .OrderBy(r => r.Phase)];
}
