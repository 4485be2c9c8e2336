namespace Sensu.Cli.Commands.Env;

/// <summary>How one shell spells <c>NAME=value</c> and the hint to evaluate sensuctl's output (Sensu's three shells).</summary>
public sealed record ShellSyntax(string Name, string Prefix, string Delimiter, string LineEnding)
{
    public static readonly ShellSyntax Bash = new("bash", "export ", "=\"", "\"");
    public static readonly ShellSyntax Cmd = new("cmd", "SET ", "=", "");
    public static readonly ShellSyntax PowerShell = new("powershell", "$Env:", " = \"", "\"");

    public static IReadOnlyList<string> Names { get; } = ["bash", "cmd", "powershell"];

    /// <summary>The <c>--shell</c> flag, else the base name of <c>$SHELL</c>, else PowerShell on Windows, else bash's syntax.</summary>
    public static ShellSyntax For(string? flag, string? shellVariable) =>
        (flag ?? (shellVariable is null ? (OperatingSystem.IsWindows() ? "powershell" : null) : Path.GetFileName(shellVariable))) switch
        {
            "cmd" => Cmd,
            "powershell" => PowerShell,
            _ => Bash,
        };

    public string Line(string name, string value) => $"{Prefix}{name}{Delimiter}{value}{LineEnding}";

    public string UsageHint(string commandLine) => this == Cmd
        ? $"REM Run this command to configure your shell: \nREM \t@FOR /f \"tokens=*\" %i IN ('{commandLine}') DO @%i"
        : this == PowerShell
            ? $"# Run this command to configure your shell: \n# & {commandLine} | Invoke-Expression"
            : $"# Run this command to configure your shell: \n# eval $({commandLine})";
}
