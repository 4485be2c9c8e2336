using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;
using Sensu.Core.Wrapped;
using Xunit.Abstractions;

namespace Sensu.Cli.Tests.Docs;

/// <summary>
/// Acceptance (issue 17, point 6): every <c>sensuctl</c> line of Sensu's 6.14 docs (extracted by
/// <c>extract_sensuctl_lines.py</c> into <c>sensuctl-6.14-lines.tsv</c>) is in <c>sensuctl-6.14-table.tsv</c>, which either
/// runs it (placeholders filled in) against an in-process backend with the in-process sensuctl, or says why it cannot.
/// </summary>
public sealed class SensuctlDocsLinesTests(ITestOutputHelper output)
{
    [Fact]
    public void TheTable_AccountsForEveryExtractedLine_AndNothingElse()
    {
        var extracted = DocsLineTable.Extracted().Select(e => e.Line).ToList();
        var rows = DocsLineTable.Rows();
        Assert.Equal(extracted.Count, extracted.Distinct(StringComparer.Ordinal).Count());
        var tableLines = rows.Select(r => r.Line).ToList();
        var duplicates = tableLines.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "listed twice: " + string.Join("\n", duplicates));
        var missing = extracted.Except(tableLines, StringComparer.Ordinal).ToList();
        var extra = tableLines.Except(extracted, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"not in the table:\n{string.Join("\n", missing)}\nnot in the docs:\n{string.Join("\n", extra)}");
        var unexplained = rows.Where(r => r.Skip && !(r.Detail.StartsWith("commercial: ", StringComparison.Ordinal) || r.Detail.StartsWith("etcd-only: ", StringComparison.Ordinal))).ToList();
        Assert.True(unexplained.Count == 0, "a skip must say commercial: or etcd-only: " + string.Join("\n", unexplained));
    }

    [Fact]
    public async Task EveryRunnableDocsLine_Succeeds()
    {
        await using var hub = await DocsBonsaiHub.StartAsync();
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString();
        cli.Environment["EDITOR"] = "true";
        cli.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        cli.Environment["HOME"] = cli.ConfigDir;
        var work = Path.Combine(cli.ConfigDir, "work");
        await SeedAsync(cli, backend, work);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["$WORK"] = work,
            ["$URL"] = backend.BaseAddress.ToString().TrimEnd('/'),
            ["$PASS"] = TestBackend.AdminPassword,
            ["$HUB"] = hub.BaseAddress.ToString().TrimEnd('/'),
            ["$SHA512"] = hub.ArchiveSha512,
        };
        var failures = new List<string>();
        var rows = DocsLineTable.Rows();
        var ran = 0;
        foreach (var row in rows.Where(r => !r.Skip))
        {
            var text = variables.Aggregate(row.Runnable, (t, v) => t.Replace(v.Key, v.Value, StringComparison.Ordinal));
            var failure = await RunAsync(cli, text);
            ran++;
            if (failure is not null)
                failures.Add($"{row.Line}\n    ran: {text}\n    {failure}");
        }
        var skipped = rows.Where(r => r.Skip).GroupBy(r => r.Detail.Split(':')[0]).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"{rows.Count} docs lines: {ran} run, {ran - failures.Count} passed, {failures.Count} failed; skipped: {string.Join(", ", skipped)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {ran} lines failed:\n" + string.Join("\n", failures));
    }

    private static async Task<string?> RunAsync(CliHarness cli, string text)
    {
        foreach (var command in ShellLine.Parse(text))
        {
            string? stdout = null;
            foreach (var stage in command.Stages)
            {
                var words = stage.Words;
                if (words.Length > 0 && words[0] == "tee")
                {
                    var append = words.Length > 2 && words[1] == "-a";
                    await Write(words[^1], stdout ?? "", append);
                    continue;
                }
                if (words.Length == 0 || words[0] != "sensuctl")
                    return "only sensuctl and tee can run here: " + string.Join(' ', words);
                cli.Prompter = command.Answers is null ? null : new LinePrompter(new StringReader(command.Answers), TextWriter.Null);
                var run = await cli.RunAsync(words[1..], stdout);
                cli.Prompter = null;
                if (run.ExitCode != 0)
                    return $"exit {run.ExitCode}: {run.Error.Trim()} {Tail(run.Out)}";
                stdout = run.Out;
            }
            if (command.RedirectTo is not null)
                await Write(command.RedirectTo, stdout ?? "", command.Append);
        }
        return null;
    }

    private static string Tail(string text) => text.Length > 300 ? text[^300..] : text;

    private static async Task Write(string path, string text, bool append)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (append)
            await File.AppendAllTextAsync(path, text);
        else
            await File.WriteAllTextAsync(path, text);
    }

    private static async Task SeedAsync(CliHarness cli, TestBackend backend, string work)
    {
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync(["create"], DocsSeed.Resources)).AssertSuccess();
        foreach (var dir in new[] { "backup", "sensu/namespaces/production", "cache" })
            Directory.CreateDirectory(Path.Combine(work, dir));
        foreach (var (name, yaml) in DocsSeed.Files)
        {
            await Write(Path.Combine(work, name), yaml, append: false);
            var json = string.Join("\n", WrappedDecoder.DecodeAll(yaml).ResourcesOrThrow().Select(r => WrappedEncoder.ToWrappedJson(r.Resource).ToJsonString()));
            await Write(Path.Combine(work, Path.ChangeExtension(name, ".json")), json, append: false);
        }
    }
}
