using Sensu.Backend.Authentication;

namespace Sensu.Backend.Tests.Authentication;

public sealed class RevisionedMapTests
{
    [Fact]
    public void An_older_change_never_rolls_an_entry_back()
    {
        var map = new RevisionedMap<string>();
        Assert.True(map.Apply("a", "v2", 2));
        Assert.False(map.Apply("a", "v1", 1));
        Assert.False(map.Apply("a", "v2-again", 2));
        Assert.Equal("v2", map.Get("a")!.Value);

        Assert.True(map.Apply("a", null, 3));
        Assert.False(map.Apply("a", "v2", 2));
        Assert.Null(map.Get("a")!.Value);
        Assert.Equal(3, map.Get("a")!.Revision);
    }

    [Fact]
    public void Update_and_remove_compare_the_current_entry()
    {
        var map = new RevisionedMap<string>();
        Assert.False(map.Update("a", _ => null));
        Assert.Null(map.Get("a"));
        Assert.True(map.Update("a", current => current is null ? new Revisioned<string>("new", 0) : null));
        var entry = map.Get("a")!;
        Assert.False(map.Remove("a", new Revisioned<string>("other", 0)));
        Assert.True(map.Remove("a", entry));
        Assert.Equal(0, map.Count);
    }
}
