using Microsoft.Extensions.Logging;
using Sensu.Backend.Apid;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// Turns handler names into handlers (legacy pipeline, core-spec §5.1): handler sets are expanded up to
/// <see cref="MaxDepth"/> levels, duplicates are removed, missing handlers are logged and ignored.
/// Lookups go to the store (a watcher cache can replace this later).
/// </summary>
public sealed class HandlerExpander(ResourceService resources, ILogger<HandlerExpander> logger)
{
    public const int MaxDepth = 3;

    public async Task<IReadOnlyList<Handler>> ExpandAsync(string @namespace, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var result = new List<Handler>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await ExpandAsync(@namespace, names, 1, result, seen, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task ExpandAsync(string @namespace, IEnumerable<string> names, int level, List<Handler> result, HashSet<string> seen, CancellationToken cancellationToken)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (seen.Contains(name))
                continue;
            var handler = await resources.GetAsync<Handler>(@namespace, name, cancellationToken).ConfigureAwait(false);
            if (handler is null)
            {
                Log.HandlerMissing(logger, name, @namespace);
                continue;
            }
            if (handler.Type == Handler.SetType)
            {
                if (level >= MaxDepth)
                {
                    Log.HandlerSetTooDeep(logger, name, MaxDepth);
                    continue;
                }
                seen.Add(name);
                await ExpandAsync(@namespace, handler.Handlers, level + 1, result, seen, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (seen.Add(name))
                result.Add(handler);
        }
    }
}
