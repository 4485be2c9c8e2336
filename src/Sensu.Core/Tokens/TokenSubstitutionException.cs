namespace Sensu.Core.Tokens;

/// <summary>
/// A token substitution failure with Sensu's message, e.g. <c>command: unmatched token: ...</c> or
/// <c>command: could not parse the template: ...</c> (core-spec §8).
/// </summary>
public sealed class TokenSubstitutionException : Exception
{
    public TokenSubstitutionException(string message)
        : base(message)
    {
    }

    public TokenSubstitutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TokenSubstitutionException()
    {
    }
}
