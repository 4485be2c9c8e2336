using System.CommandLine;

namespace Sensu.Cli.Commands.Completion;

/// <summary>
/// <c>sensuctl completion bash|zsh</c>: prints a shell script that asks sensuctl itself for suggestions through
/// System.CommandLine's <c>[suggest:N]</c> directive.
/// </summary>
public static class CompletionCommand
{
    private const string Bash = """
        _sensuctl_complete() {
          local line="${COMP_LINE#* }"
          local point=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$(sensuctl "[suggest:${point}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -F _sensuctl_complete sensuctl
        """;

    private const string Zsh = """
        #compdef sensuctl
        _sensuctl() {
          local line="${BUFFER#* }"
          local -a suggestions
          suggestions=("${(@f)$(sensuctl "[suggest:${#line}]" "${line}" 2>/dev/null)}")
          compadd -a suggestions
        }
        compdef _sensuctl sensuctl
        """;

    public static Command Build(CliIo io)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", """
            Print a shell completion script.

            Examples:
              source <(sensuctl completion bash)
              sensuctl completion zsh > "${fpath[1]}/_sensuctl"
            """)
        {
            shell,
        };
        command.SetAction(result =>
        {
            io.Out.WriteLine(result.GetValue(shell) == "zsh" ? Zsh : Bash);
            return 0;
        });
        return command;
    }
}
