using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Caching;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;

namespace Sensu.Backend.Tests.Support;

/// <summary>Waits used by pipeline tests: a resource reaching the watcher-fed cache, a file, a log line.</summary>
internal static class PipelineHarness
{
    public static async Task WaitForCachedAsync<T>(TestBackend backend, string name, string @namespace = "default") where T : class, IResource
    {
        var cache = backend.Services.GetRequiredService<ResourceCache<T>>();
        for (var i = 0; i < 300 && cache.Get(@namespace, name) is null; i++)
            await Task.Delay(20);
        Assert.NotNull(cache.Get(@namespace, name));
    }

    public static async Task<string> WaitForFileAsync(string path, string? marker = null)
    {
        for (var i = 0; i < 300; i++)
        {
            if (File.Exists(path))
            {
                var text = await File.ReadAllTextAsync(path);
                if (marker is null || text.Contains(marker, StringComparison.Ordinal))
                    return text;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{path} did not appear" + (marker is null ? "" : $" with {marker}"));
    }

    public static async Task<string> WaitForLogAsync(CapturingLoggerProvider logs, params string[] markers)
    {
        for (var i = 0; i < 300; i++)
        {
            var line = logs.Lines.FirstOrDefault(l => markers.All(m => l.Contains(m, StringComparison.Ordinal)));
            if (line is not null)
                return line;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no log line with {string.Join(", ", markers)}:\n{logs.All}");
    }
}
