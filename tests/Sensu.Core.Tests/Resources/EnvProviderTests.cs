using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class EnvProviderTests
{
    [Fact]
    public void Spec_is_empty_apart_from_metadata()
    {
        var env = JsonRoundTrip.Read("{}", SensuJsonContext.Default.EnvProvider);
        env.Metadata.Name = EnvProvider.DefaultName;
        env.Validate();
        Assert.Equal("""{"metadata":{"name":"env"}}""", JsonRoundTrip.Write(env, SensuJsonContext.Default.EnvProvider).ToJsonString());
    }

    [Fact]
    public void Needs_a_name() =>
        Assert.Equal("name must not be empty", Assert.Throws<ResourceValidationException>(new EnvProvider { Metadata = new ObjectMeta() }.Validate).Message);
}
