using System.Net;
using System.Text;
using System.Text.Json;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Authentication;

/// <summary>
/// Users over the full API, as Sensu's user actions answer: GET and list blank <c>password</c> and
/// <c>password_hash</c> (both omitempty, so absent); a new user needs one of them.
/// </summary>
public sealed class UserOutputParityTests
{
    [Fact]
    public async Task Get_and_list_of_users_show_neither_password_nor_password_hash()
    {
        await using var backend = await TestBackend.StartAsync();
        using var api = await backend.LoginAsync();
        using var create = await api.PutAsync("/api/core/v2/users/bob",
            new StringContent("""{"username":"bob","password":"b0bPassword","groups":["ops"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);

        using var bob = JsonDocument.Parse(await api.GetStringAsync("/api/core/v2/users/bob"));
        Assert.Equal(["username", "groups", "disabled"], bob.RootElement.EnumerateObject().Select(p => p.Name));

        using var users = JsonDocument.Parse(await api.GetStringAsync("/api/core/v2/users"));
        Assert.Contains(users.RootElement.EnumerateArray(), u => u.GetProperty("username").GetString() == "bob");
        foreach (var user in users.RootElement.EnumerateArray())
        {
            Assert.False(user.TryGetProperty("password", out _));
            Assert.False(user.TryGetProperty("password_hash", out _));
        }

        // The hash is still stored: bob can log in.
        using var bobApi = await backend.LoginAsync("bob", "b0bPassword");
    }

    [Fact]
    public async Task A_new_user_without_password_or_hash_is_refused_with_Sensus_message_and_an_existing_one_keeps_its_hash()
    {
        await using var backend = await TestBackend.StartAsync();
        using var api = await backend.LoginAsync();
        using var refused = await api.PutAsync("/api/core/v2/users/dave",
            new StringContent("""{"username":"dave","groups":["ops"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("a password or its hash is required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await api.GetAsync("/api/core/v2/users/dave");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // What GET shows (no hash) written back to an existing user keeps its password (our documented difference).
        using var create = await api.PutAsync("/api/core/v2/users/erin",
            new StringContent("""{"username":"erin","password":"3rinPassword"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var shown = await api.GetStringAsync("/api/core/v2/users/erin");
        using var back = await api.PutAsync("/api/core/v2/users/erin", new StringContent(shown, Encoding.UTF8, "application/json"));
        Assert.True(back.IsSuccessStatusCode, await back.Content.ReadAsStringAsync());
        using var erin = await backend.LoginAsync("erin", "3rinPassword");
    }
}
