using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Core.Tests.Resources;

public sealed class TessenConfigTests
{
    [Fact]
    public void Json_is_opt_out_only()
    {
        Assert.Equal("""{"opt_out":false}""", JsonRoundTrip.Write(new TessenConfig(), SensuJsonContext.Default.TessenConfig).ToJsonString());
        var t = JsonRoundTrip.Read("""{"opt_out":true}""", SensuJsonContext.Default.TessenConfig);
        Assert.True(t.OptOut);
        t.Validate();
    }
}
