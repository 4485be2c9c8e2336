using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// Turns handler names into handlers (core-spec §5.1) from the watcher-fed cache: <c>set</c> handlers are expanded
/// up to <see cref="MaxDepth"/> levels, duplicates are removed, missing handlers are logged (info at the top level,
/// error inside a set) and ignored. A missing handler is logged once per condition: again only after the handlers
/// have changed, not for every event (a keepalive names its handlers on each beat).
/// </summary>
public sealed class HandlerExpander
{
    public const int MaxDepth = 3;

    private readonly ResourceCache<Handler> handlers;
    private readonly ILogger<HandlerExpander> logger;
    private readonly ConcurrentDictionary<(string Namespace, string Name, string? Parent), byte> reported = new();

    public HandlerExpander(ResourceCache<Handler> handlers, ILogger<HandlerExpander> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        this.handlers = handlers;
        this.logger = logger;
        handlers.Changed += _ => reported.Clear();
    }

    public IReadOnlyList<Handler> Expand(string @namespace, IEnumerable<string> names)
    {
        // The usual case, one handler that is not a set, without the sets and lists of the general walk.
        if (names is IReadOnlyList<string> { Count: 1 } single
            && handlers.Get(@namespace, single[0]) is { } only && only.Type != Handler.SetType)
            return [only];
        var result = new List<Handler>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Expand(@namespace, names, 1, null, result, seen);
        return result;
    }

    private void Expand(string @namespace, IEnumerable<string> names, int level, string? parent, List<Handler> result, HashSet<string> seen)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (seen.Contains(name))
                continue;
            var handler = handlers.Get(@namespace, name);
            if (handler is null)
            {
                if (!reported.TryAdd((@namespace, name, parent), 0))
                    continue;
                if (parent is null)
                    Log.HandlerMissing(logger, name, @namespace);
                else
                    Log.SetMemberMissing(logger, name, parent, @namespace);
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
                Expand(@namespace, handler.Handlers, level + 1, name, result, seen);
                continue;
            }
            if (seen.Add(name))
                result.Add(handler);
        }
    }
}
