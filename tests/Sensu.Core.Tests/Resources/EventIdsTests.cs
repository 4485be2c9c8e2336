using Sensu.Core.Resources.Core;

namespace Sensu.Core.Tests.Resources;

public sealed class EventIdsTests
{
    [Fact]
    public void Event_ids_are_distinct_lowercase_version_4_uuids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => EventIds.New()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids.Take(200))
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            var guid = Guid.Parse(id);
            Assert.Equal(4, guid.Version);
        }
        // Every other bit is random: over many ids each hex digit outside the fixed ones takes many values.
        Assert.True(ids.Select(i => i[0]).Distinct().Count() > 10);
        Assert.True(ids.Select(i => i[19]).Distinct().Count() == 4);
    }
}
