namespace Sensu.Core.Wrapped;

/// <summary>
/// Everything decoded from one input: the resources that could be read and the errors of those that could not.
/// sensuctl stops after more than ten errors (<see cref="TooManyErrors"/>).
/// </summary>
public sealed record WrappedDecodeResult(
    IReadOnlyList<DecodedResource> Resources,
    IReadOnlyList<WrappedFormatException> Errors,
    bool TooManyErrors)
{
    public bool Success => Errors.Count == 0;

    /// <summary>Throws the first error (or an aggregate "some resources couldn't be parsed") when there were any.</summary>
    public IReadOnlyList<DecodedResource> ResourcesOrThrow()
    {
        if (Errors.Count == 1)
            throw Errors[0];
        if (Errors.Count > 1)
        {
            var summary = TooManyErrors ? "too many errors" : "some resources couldn't be parsed";
            throw new AggregateException(summary, Errors);
        }
        return Resources;
    }
}
