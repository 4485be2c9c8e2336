using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Create;

/// <summary>
/// The resources decoded from all inputs, in order, up to the first document that could not be read
/// (<see cref="Error"/>). Documents before a bad one are still applied, then the command fails.
/// </summary>
public sealed record ResourceBatch(IReadOnlyList<DecodedResource> Resources, string? Error)
{
    public static ResourceBatch Decode(IEnumerable<(string Source, string Text)> inputs, bool multipleSources)
    {
        var resources = new List<DecodedResource>();
        foreach (var (source, text) in inputs)
        {
            var result = WrappedDecoder.DecodeAll(text);
            if (result.Errors.Count == 0)
            {
                resources.AddRange(result.Resources);
                continue;
            }
            var first = result.Errors.MinBy(e => e.DocumentIndex ?? int.MaxValue)!;
            var firstIndex = first.DocumentIndex ?? int.MaxValue;
            resources.AddRange(result.Resources.Where(r => r.Index < firstIndex));
            var where = multipleSources ? $"{source}: " : "";
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more: {(result.TooManyErrors ? "too many errors" : "some resources couldn't be parsed")})" : "";
            return new ResourceBatch(resources, $"{where}{first.Message}{more}");
        }
        return new ResourceBatch(resources, null);
    }
}
