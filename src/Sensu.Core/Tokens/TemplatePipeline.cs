namespace Sensu.Core.Tokens;

/// <summary><c>cmd1 | cmd2 | ...</c>: each command's result is passed as the last argument of the next.</summary>
internal sealed record TemplatePipeline(IReadOnlyList<TemplateCommand> Commands, int Position);
