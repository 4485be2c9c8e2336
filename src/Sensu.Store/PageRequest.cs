namespace Sensu.Store;

/// <summary>
/// A page of a listing: at most <paramref name="Limit"/> items (0 = all) after the opaque <paramref name="Continue"/> token.
/// A token the store did not issue fails with <see cref="InvalidContinueTokenException"/>.
/// </summary>
public readonly record struct PageRequest(int Limit, string? Continue)
{
    public static readonly PageRequest All = new(0, null);
}
