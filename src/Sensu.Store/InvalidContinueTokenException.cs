namespace Sensu.Store;

/// <summary>A listing was given a <see cref="PageRequest.Continue"/> token that this store did not issue.</summary>
public sealed class InvalidContinueTokenException : StoreException
{
    public InvalidContinueTokenException(string token) : base("invalid continue token") => Token = token;

    public InvalidContinueTokenException(string token, Exception inner) : base("invalid continue token", inner) => Token = token;

    public string Token { get; }
}
