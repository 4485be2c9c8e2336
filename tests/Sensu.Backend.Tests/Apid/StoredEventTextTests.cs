using Sensu.Backend.Apid;

namespace Sensu.Backend.Tests.Apid;

public sealed class StoredEventTextTests
{
    [Theory]
    [InlineData("""{"entity":{"metadata":{"name":"web-1","labels":{"region":"eu"}}},"check":{"state":"passing","output":"pass \"pass\" password"}}""", true)]
    [InlineData("""{"entity":{"metadata":{"name":"web-1","labels":{"password":"x"}}}}""", false)]
    [InlineData("""{"entity":{"metadata":{"name":"web-1","annotations":{"api_key":"x"}}}}""", false)]
    [InlineData("""{"entity":{"metadata":{"name":"web-1","labels":{"token":"x"}},"redact":["token"]}}""", false)]
    [InlineData("""{"entity":{"metadata":{"name":"web-1","labels":{"secret":"x"}}}}""", false)]
    public void Only_events_with_nothing_to_redact_are_shown_as_stored(string json, bool asStored) =>
        Assert.Equal(asStored, StoredEventText.IsShownAsStored(json));
}
