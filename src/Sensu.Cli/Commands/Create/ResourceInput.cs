namespace Sensu.Cli.Commands.Create;

/// <summary>
/// Reads what <c>create</c>/<c>delete</c> take: files, directories (<c>-r</c> to descend), <c>file://</c> and
/// <c>http(s)://</c> URLs, or standard input when no <c>-f</c> is given (core-spec §1.2 item 9).
/// </summary>
public static class ResourceInput
{
    private static readonly string[] Extensions = [".json", ".yaml", ".yml"];

    public static async Task<List<(string Source, string Text)>> ReadAsync(IReadOnlyList<string> files, bool recursive, CliIo io, CancellationToken cancellationToken)
    {
        var inputs = new List<(string, string)>();
        if (files.Count == 0)
        {
            if (io.InputIsTerminal && io.Prompter is null)
                throw new CliException("nothing to read: pass -f FILE|DIR|URL or pipe resources on standard input");
            inputs.Add(("(stdin)", await io.In.ReadToEndAsync(cancellationToken)));
            return inputs;
        }
        foreach (var file in files)
        {
            if (file.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || file.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                inputs.Add((file, await DownloadAsync(file, cancellationToken)));
                continue;
            }
            var path = file.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(file).LocalPath : file;
            if (Directory.Exists(path))
            {
                var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
                foreach (var entry in Directory.EnumerateFiles(path, "*", option).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal))
                    inputs.Add((entry, await File.ReadAllTextAsync(entry, cancellationToken)));
            }
            else if (File.Exists(path))
            {
                inputs.Add((path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
            else
            {
                throw new CliException($"no such file or directory: {path}");
            }
        }
        return inputs;
    }

    private static async Task<string> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new CliException($"cannot fetch {url}: HTTP {(int)response.StatusCode}");
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot fetch {url}: {ex.Message}", ex);
        }
    }
}
