namespace Sensu.Core.Configuration;

/// <summary>How a flag is given on the command line.</summary>
public enum FlagKind
{
    /// <summary>One value (<c>--name n1</c>); repeated, the last one wins as with Go's flags.</summary>
    Text,

    /// <summary>A boolean, bare (<c>--deregister</c>) or with its value attached (<c>--deregister=false</c>).</summary>
    Switch,

    /// <summary>Repeatable; the values are joined with commas (<c>--backend-url a --backend-url b</c>).</summary>
    List,
}
