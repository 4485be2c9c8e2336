using Sensu.Core.Registry;

namespace Sensu.Cli.Commands.Resources;

/// <summary>
/// One <c>sensuctl TYPE ...</c> command group: its name, the type it lists (the first of <see cref="Types"/> for
/// paths and columns), and the types accepted in a listing (several for the polymorphic secrets providers).
/// </summary>
public sealed record ResourceSpec(string Command, string Plural, IReadOnlyList<ResourceType> Types, params string[] Aliases)
{
    public ResourceType Type => Types[0];

    public static ResourceSpec Of(string command, string plural, string typeName, params string[] aliases) =>
        new(command, plural, [ResourceRegistry.FindByAnyName(typeName) ?? throw new InvalidOperationException($"unknown type {typeName}")], aliases);
}
