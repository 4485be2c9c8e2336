using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class UserTests
{
    [Fact]
    public void Username_is_metadata_name_and_json_has_no_metadata()
    {
        var u = JsonRoundTrip.Read("""{"username":"alice","password":"P@ssw0rd!","groups":["ops"],"disabled":false}""", SensuJsonContext.Default.User);
        Assert.Equal("alice", u.Metadata.Name);
        u.Metadata.Name = "bob";
        var json = JsonRoundTrip.Write(u, SensuJsonContext.Default.User);
        Assert.Equal(["username", "password", "groups", "disabled"], JsonRoundTrip.Keys(json));
        Assert.Equal("bob", json["username"]!.GetValue<string>());
    }

    [Fact]
    public void Output_form_has_neither_the_password_nor_its_hash_as_Sensu()
    {
        // Sensu's UserController.Get and List blank Password and PasswordHash (both omitempty), so neither is written.
        var u = new User { Username = "alice", Password = "secret-pass", PasswordHash = "$2a$10$abc", Groups = ["ops"] };
        var json = JsonRoundTrip.Write(u.ForOutput(), SensuJsonContext.Default.User);
        Assert.Equal(["username", "groups", "disabled"], JsonRoundTrip.Keys(json));
        Assert.Equal("secret-pass", u.Password);
        Assert.Equal("$2a$10$abc", u.PasswordHash);
    }

    [Fact]
    public void Disabled_is_always_written_and_empty_optional_fields_are_not()
    {
        var json = JsonRoundTrip.Write(
            JsonRoundTrip.Read("""{"username":"a","password":"","groups":[],"password_hash":""}""", SensuJsonContext.Default.User),
            SensuJsonContext.Default.User);
        Assert.Equal("""{"username":"a","disabled":false}""", json.ToJsonString());
    }

    [Theory]
    [InlineData("", "username must not be empty")]
    [InlineData("Alice", "username cannot contain spaces or special characters")]
    [InlineData("al ice", "username cannot contain spaces or special characters")]
    public void Username_follows_the_strict_rule(string name, string message)
    {
        var ex = Assert.Throws<ResourceValidationException>(new User { Username = name }.Validate);
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(null, "password can't be empty")]
    [InlineData("short", "password length must be at least 8 characters")]
    public void Password_rules(string? password, string message)
    {
        var ex = Assert.Throws<ResourceValidationException>(new User { Username = "a", Password = password }.ValidatePassword);
        Assert.Equal(message, ex.Message);
        new User { Username = "a", Password = "12345678" }.ValidatePassword();
    }
}
