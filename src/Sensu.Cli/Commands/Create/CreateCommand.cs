using System.CommandLine;

namespace Sensu.Cli.Commands.Create;

/// <summary><c>sensuctl create</c> and <c>sensuctl delete</c> (with <c>-f</c> or standard input).</summary>
public static class CreateCommand
{
    public static Command Build(CommandFactory factory, bool delete)
    {
        var file = new Option<string[]>("--file", "-f") { Description = "file, directory or URL of wrapped resources (YAML or JSON)", AllowMultipleArgumentsPerToken = false };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "descend into sub-directories of a directory given with -f" };
        var name = delete ? "delete" : "create";
        var verb = delete ? "Delete" : "Create or replace";
        var command = new Command(name, $"""
            {verb} resources from wrapped YAML or JSON (a file, a directory, a URL, or standard input).

            Examples:
              sensuctl {name} -f checks.yml
              sensuctl {name} -f ./resources -r
              cat << EOF | sensuctl {name}
              ---
              type: Secret
              api_version: secrets/v1
              metadata:
                name: pagerduty_key
              spec:
                id: SENSU_PAGERDUTY_KEY
                provider: env
              EOF
            """)
        {
            file, recursive,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var files = result.GetValue(file) ?? [];
            var inputs = await ResourceInput.ReadAsync(files, result.GetValue(recursive), runtime.Io, cancellationToken);
            var batch = ResourceBatch.Decode(inputs, inputs.Count > 1);
            if (batch.Resources.Count == 0 && batch.Error is null)
                throw new CliException("no resources found in the input");
            return await new ResourceApplier(runtime).ApplyAsync(batch, delete, cancellationToken);
        }));
        return command;
    }
}
