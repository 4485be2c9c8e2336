namespace Sensu.Cli.Commands.Imperative;

/// <summary>
/// One row of a resource's table of field verbs: <c>set-NAME RESOURCE VALUE</c> (prints "Updated") when
/// <see cref="Set"/> is given, else <c>remove-NAME RESOURCE</c> (prints "Removed") with <see cref="Remove"/>.
/// </summary>
public sealed record FieldVerb<T>(string Verb, string Description, Action<T, string>? Set = null, Action<T>? Remove = null)
{
    public static FieldVerb<T> Setter(string field, string description, Action<T, string> set) => new("set-" + field, description, Set: set);

    public static FieldVerb<T> Remover(string field, string description, Action<T> remove) => new("remove-" + field, description, Remove: remove);
}
