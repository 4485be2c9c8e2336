namespace Sensu.Testing;

/// <summary>
/// The documents <c>reference/seed-secrets-management.md</c> pipes into <c>sensuctl create</c>, read from the guide
/// itself (each <c>cat &lt;&lt; EOF | sensuctl create</c> … <c>EOF</c> block), so the tests run exactly what
/// users copy: the Env secret, the VaultProvider, the Vault secret and the handler, in the guide's order.
/// </summary>
public static class SeedGuide
{
    private const string Start = "cat << EOF | sensuctl create";
    private const string End = "EOF";

    private static readonly Lazy<IReadOnlyList<string>> Documents = new(Load);

    public static string Path { get; } = System.IO.Path.Combine(DocsExamples.SharedRoot, "reference", "seed-secrets-management.md");

    public static string EnvSecret => Find("provider: env");

    public static string VaultProvider => Find("type: VaultProvider");

    public static string VaultSecret => Find("provider: vault");

    public static string Handler => Find("type: Handler");

    /// <summary>Every <c>sensuctl create</c> document of the guide, in order.</summary>
    public static IReadOnlyList<string> All => Documents.Value;

    private static string Find(string marker) =>
        All.SingleOrDefault(d => d.Contains(marker, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"no sensuctl create block containing \"{marker}\" in {Path}");

    private static IReadOnlyList<string> Load()
    {
        var documents = new List<string>();
        List<string>? block = null;
        foreach (var line in File.ReadLines(Path))
        {
            if (block is null)
            {
                if (line.Trim() == Start)
                    block = [];
            }
            else if (line.Trim() == End)
            {
                documents.Add(string.Join('\n', block) + "\n");
                block = null;
            }
            else
            {
                block.Add(line);
            }
        }
        return documents;
    }
}
