using System.CommandLine;

namespace Sensu.Cli.Tests.Commands;

/// <summary>
/// sensuctl 6.14's command tree (path and flags, global flags aside), read from Sensu's <c>cli/commands/</c>, against
/// ours. <see cref="KnownMissing"/> names what is not implemented yet, so a gap is visible and closing one updates the list.
/// </summary>
public sealed class CommandTreeTests
{
    private const string List = "format all-namespaces field-selector label-selector chunk-size";
    private const string GlobalList = "format field-selector label-selector chunk-size";

    /// <summary>"path: flags" for every command of sensuctl 6.14.</summary>
    public static readonly string[] Sensu614 =
    [
        "configure: non-interactive url username password format",
        "completion:",
        "env: shell",
        "logout:",
        "version:",
        "describe-type: format",
        "create: file recursive",
        "delete: file",
        "edit: blank format",
        "dump: all-namespaces format file types omit",
        "config set-format:", "config set-namespace:", "config set-timeout:", "config view: format",
        "api-key grant:", "api-key revoke: skip-confirm", $"api-key list: {List}", "api-key info: format",
        "asset create: sha512 url filter interactive", "asset delete: skip-confirm", "asset info: format", $"asset list: {List}",
        $"asset outdated: {List}", "asset update:", "asset add:",
        "check create: command cron handlers interval runtime-assets proxy-entity-name publish stdin subscriptions timeout ttl high-flap-threshold low-flap-threshold output-metric-handlers output-metric-format round-robin interactive",
        "check delete: skip-confirm", "check execute: reason subscriptions interactive", "check info: format", $"check list: {List}", "check update:",
        "check remove-hook:", "check remove-handlers:", "check remove-high-flap-threshold:", "check remove-low-flap-threshold:",
        "check remove-proxy-entity-name:", "check remove-proxy-requests:", "check remove-runtime-assets:", "check remove-ttl:", "check remove-timeout:",
        "check remove-output-metric-handlers:", "check remove-output-metric-format:",
        "check set-hooks: type hooks interactive", "check set-command:", "check set-cron:", "check set-handlers:", "check set-high-flap-threshold:",
        "check set-interval:", "check set-low-flap-threshold:", "check set-proxy-entity-name:", "check set-proxy-requests: file", "check set-publish:",
        "check set-runtime-assets:", "check set-stdin:", "check set-subscriptions:", "check set-ttl:", "check set-timeout:",
        "check set-output-metric-handlers:", "check set-output-metric-format:", "check set-round-robin:",
        "cluster-role create: verbs resources resource-name verb resource", "cluster-role delete: skip-confirm", "cluster-role info: format", $"cluster-role list: {GlobalList}",
        "cluster-role-binding create: cluster-role group user", "cluster-role-binding delete: skip-confirm", "cluster-role-binding info: format",
        $"cluster-role-binding list: {GlobalList}",
        "entity create: entity-class subscriptions interactive", "entity delete: skip-confirm", "entity info: format", $"entity list: {List}", "entity update:",
        "event delete: skip-confirm", "event info: format", $"event list: {List}", "event resolve:",
        "pipeline delete: skip-confirm", "pipeline info: format", $"pipeline list: {List}",
        "filter create: action expressions interactive", "filter delete: skip-confirm", "filter info: format", $"filter list: {List}", "filter update:",
        "handler create: command env-vars filters handlers mutator socket-host socket-port timeout type runtime-assets interactive",
        "handler delete: skip-confirm", "handler info: format", $"handler list: {List}", "handler update:",
        "hook create: command timeout stdin interactive", "hook delete: skip-confirm", "hook info: format", $"hook list: {List}", "hook update:",
        "mutator create: command env-vars timeout runtime-assets type eval interactive", "mutator delete: skip-confirm", "mutator info: format",
        $"mutator list: {List}", "mutator update:",
        "namespace create: interactive", "namespace delete: skip-confirm", $"namespace list: {GlobalList}",
        "role create: verb resource resource-name", "role delete: skip-confirm", "role info: format", $"role list: {List}",
        "role-binding create: cluster-role role group user", "role-binding delete: skip-confirm", "role-binding info: format", $"role-binding list: {List}",
        "user add-group:", "user create: password groups interactive", "user disable: skip-confirm", $"user list: {GlobalList}", "user reinstate:",
        "user remove-group:", "user remove-groups:", "user set-groups:", "user change-password: current-password new-password interactive",
        "user test-creds: password interactive", "user hash-password:", "user reset-password: password interactive",
        "silenced create: reason expire-on-resolve expire subscription check begin interactive", "silenced delete: skip-confirm subscription check",
        "silenced info: format subscription check", $"silenced list: {List}", "silenced update:",
        "tessen opt-in:", "tessen opt-out: skip-confirm", "tessen info: format",
        "command install:", "command list: format", "command exec:", "command delete: skip-confirm",
    ];

    /// <summary>Commands and flags of 6.14 not implemented yet ("path" or "path --flag").</summary>
    public static readonly string[] KnownMissing =
    [
    ];

    [Fact]
    public void EverySensuCommandAndFlag_Exists_ExceptTheKnownMissing()
    {
        var root = Sensuctl.BuildRoot(new CliIo { In = TextReader.Null, Out = TextWriter.Null, Error = TextWriter.Null });
        var missing = new List<string>();
        foreach (var line in Sensu614)
        {
            var (path, flags) = Parse(line);
            var command = Find(root, path);
            if (command is null)
            {
                missing.Add(path);
                continue;
            }
            var ours = command.Options.Concat(Ancestors(root, path).SelectMany(c => c.Options.Where(o => o.Recursive)))
                .SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(flags.Where(f => !ours.Contains("--" + f)).Select(f => $"{path} --{f}"));
        }

        Assert.True(KnownMissing.Order(StringComparer.Ordinal).SequenceEqual(missing.Order(StringComparer.Ordinal)), "missing: " + string.Join(" | ", missing));
    }

    [Fact]
    public void SensuShortFlags_MatchSensus()
    {
        var root = Sensuctl.BuildRoot(new CliIo { In = TextReader.Null, Out = TextWriter.Null, Error = TextWriter.Null });
        (string Path, string Flag, string Short)[] shorts =
        [
            ("check create", "command", "-c"), ("check create", "interval", "-i"), ("check create", "subscriptions", "-s"), ("check create", "timeout", "-t"),
            ("check create", "runtime-assets", "-r"), ("check create", "publish", "-p"), ("check set-hooks", "type", "-t"), ("check set-hooks", "hooks", "-k"),
            ("check set-proxy-requests", "file", "-f"), ("handler create", "mutator", "-m"), ("handler create", "timeout", "-i"), ("handler create", "type", "-t"),
            ("handler create", "runtime-assets", "-r"), ("filter create", "action", "-a"), ("filter create", "expressions", "-s"),
            ("mutator create", "command", "-c"), ("mutator create", "timeout", "-t"), ("mutator create", "runtime-assets", "-r"),
            ("hook create", "command", "-c"), ("hook create", "timeout", "-t"), ("hook create", "stdin", "-s"), ("asset create", "url", "-u"),
            ("entity create", "entity-class", "-c"), ("entity create", "subscriptions", "-s"),
            ("silenced create", "reason", "-r"), ("silenced create", "expire-on-resolve", "-x"), ("silenced create", "expire", "-e"),
            ("silenced create", "subscription", "-s"), ("silenced create", "check", "-c"), ("silenced create", "begin", "-b"),
            ("role create", "verb", "-v"), ("role create", "resource", "-r"), ("role create", "resource-name", "-n"),
            ("cluster-role create", "verbs", "-v"), ("cluster-role create", "resources", "-r"), ("cluster-role create", "resource-name", "-n"),
            ("role-binding create", "cluster-role", "-c"), ("role-binding create", "role", "-r"), ("role-binding create", "group", "-g"), ("role-binding create", "user", "-u"),
            ("cluster-role-binding create", "cluster-role", "-c"), ("cluster-role-binding create", "group", "-g"), ("cluster-role-binding create", "user", "-u"),
            ("user create", "password", "-p"), ("user create", "groups", "-g"), ("user change-password", "current-password", "-c"),
            ("user change-password", "new-password", "-p"), ("user reset-password", "password", "-p"), ("user test-creds", "password", "-p"),
        ];

        foreach (var (path, flag, shortName) in shorts)
        {
            var option = Find(root, path)!.Options.Single(o => o.Name == "--" + flag);
            Assert.True(option.Aliases.Contains(shortName), $"{path} --{flag} should have {shortName}");
        }
    }

    private static (string Path, string[] Flags) Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return (line[..colon], line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Command? Find(Command root, string path)
    {
        Command? current = root;
        foreach (var word in path.Split(' '))
            current = current?.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
        return current;
    }

    private static IEnumerable<Command> Ancestors(Command root, string path)
    {
        var words = path.Split(' ');
        Command current = root;
        yield return root;
        foreach (var word in words[..^1])
        {
            current = current.Subcommands.First(c => c.Name == word || c.Aliases.Contains(word));
            yield return current;
        }
    }
}
