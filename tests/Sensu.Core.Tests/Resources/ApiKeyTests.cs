using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class ApiKeyTests
{
    [Fact]
    public void Round_trips_with_sensus_fields()
    {
        const string input = """{"metadata":{"name":"19803eb8-36a6-4203-a225-28ec4e9f4444"},"username":"admin","created_at":1570732266}""";
        var key = JsonRoundTrip.Read(input, SensuJsonContext.Default.ApiKey);
        key.Validate();
        Assert.Equal(input, JsonRoundTrip.Write(key, SensuJsonContext.Default.ApiKey).ToJsonString());
    }

    [Fact]
    public void Needs_a_username_and_no_namespace()
    {
        var key = new ApiKey { Metadata = new ObjectMeta { Name = "k", Namespace = "default" }, Username = "admin" };
        Assert.Equal("api key cannot have a namespace", Assert.Throws<ResourceValidationException>(key.Validate).Message);
        key.Metadata.Namespace = null;
        key.Username = null;
        Assert.Equal("api key must have a username", Assert.Throws<ResourceValidationException>(key.Validate).Message);
    }
}
