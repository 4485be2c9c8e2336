namespace Sensu.Cli.Commands.Configure;

/// <summary>The values <c>configure</c> works with, from flags or prompts.</summary>
public sealed record ConfigureAnswers(string Url, string? Username, string? Password, string Namespace, string Format, string? ApiKey);
