using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Sensu.Backend.Authentication;
using Sensu.Backend.Tests.Authentication;

namespace Sensu.Backend.Tests.Apid;

public sealed class UserEndpointsTests : IAsyncLifetime
{
    private AuthTestHost _host = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await AuthTestHost.StartAsync();
        await _host.AddUserAsync("admin", "P@ssw0rd!", "cluster-admins");
        await _host.AddUserAsync("bob", "b0bPassword", "ops");
        _admin = (await _host.LoginAsync("admin", "P@ssw0rd!")).AccessToken;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Self_password_change_needs_the_current_password()
    {
        var bob = (await _host.LoginAsync("bob", "b0bPassword")).AccessToken;
        using var wrong = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/password", bob, Body("n3wPassword", "wrong"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var ok = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/password", bob, Body("n3wPassword", "b0bPassword"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var stored = (await _host.GetUserAsync("bob"))!;
        Assert.Null(stored.Password);
        Assert.StartsWith("$2a$10$", stored.PasswordHash, StringComparison.Ordinal);
        await _host.LoginAsync("bob", "n3wPassword");
    }

    [Fact]
    public async Task Admin_changes_or_resets_another_password_without_the_current_one()
    {
        using var change = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/password", _admin, Body("ch4ngedPass", null));
        Assert.Equal(HttpStatusCode.Created, change.StatusCode);
        await _host.LoginAsync("bob", "ch4ngedPass");
        using var reset = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/reset_password", _admin, Body("r3setPassword", null));
        Assert.Equal(HttpStatusCode.Created, reset.StatusCode);
        await _host.LoginAsync("bob", "r3setPassword");
    }

    [Fact]
    public async Task A_password_hash_that_is_not_bcrypt_is_stored_as_given_and_matches_no_password()
    {
        var store = (Sensu.Backend.Resources.ResourceService)_host.App.Services.GetService(typeof(Sensu.Backend.Resources.ResourceService))!;
        await store.PutAsync(new Core.Resources.Core.User { Username = "carol", PasswordHash = "not-a-bcrypt-hash", Groups = ["view"] }, CancellationToken.None);
        Assert.Equal("not-a-bcrypt-hash", (await _host.GetUserAsync("carol"))!.PasswordHash);

        using var login = await _host.SendAsync(HttpMethod.Get, "/auth", auth: new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("carol:not-a-bcrypt-hash"))));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Short_passwords_are_refused()
    {
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/reset_password", _admin, Body("short", null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await AuthTestHost.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Delete_disables_and_reinstate_enables()
    {
        using var delete = await _host.SendAsync(HttpMethod.Delete, "/api/core/v2/users/bob", _admin);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.True((await _host.GetUserAsync("bob"))!.Disabled);
        using var login = await _host.SendAsync(HttpMethod.Get, "/auth", auth: AuthTestHost.Basic("bob", "b0bPassword"));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        using var reinstate = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/reinstate", _admin);
        Assert.Equal(HttpStatusCode.Created, reinstate.StatusCode);
        await _host.LoginAsync("bob", "b0bPassword");
    }

    [Fact]
    public async Task Groups_are_added_and_removed()
    {
        using var add = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/groups/dev", _admin);
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal(["ops", "dev"], (await _host.GetUserAsync("bob"))!.Groups);
        using var remove = await _host.SendAsync(HttpMethod.Delete, "/api/core/v2/users/bob/groups/ops", _admin);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(["dev"], (await _host.GetUserAsync("bob"))!.Groups);
        using var clear = await _host.SendAsync(HttpMethod.Delete, "/api/core/v2/users/bob/groups", _admin);
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Null((await _host.GetUserAsync("bob"))!.Groups);
    }

    [Fact]
    public async Task Unknown_user_is_404()
    {
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/ghost/reinstate", _admin);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Password_service_hashes_or_keeps_and_refuses_no_password_at_all()
    {
        var service = new UserPasswordService(_host.App.Services.GetRequiredService<UserDirectory>());
        var fresh = new Core.Resources.Core.User { Username = "carol", Password = "c4rolPass" };
        await service.PrepareAsync(fresh, CancellationToken.None);
        Assert.Null(fresh.Password);
        Assert.True(PasswordHasher.Verify("c4rolPass", fresh.PasswordHash));

        var existing = new Core.Resources.Core.User { Username = "bob", Groups = ["x"] };
        await service.PrepareAsync(existing, CancellationToken.None);
        Assert.True(PasswordHasher.Verify("b0bPassword", existing.PasswordHash));

        await Assert.ThrowsAsync<Core.Validation.ResourceValidationException>(async () =>
            await service.PrepareAsync(new Core.Resources.Core.User { Username = "dave" }, CancellationToken.None));
        // A given hash is kept as it is, bcrypt or not (as Sensu does).
        var given = new Core.Resources.Core.User { Username = "dave", PasswordHash = "plain" };
        await service.PrepareAsync(given, CancellationToken.None);
        Assert.Equal("plain", given.PasswordHash);

        // Both given (Sensu): kept when they match, refused when they do not, unless the hash is the stored one.
        var hash = PasswordHasher.Hash("m4tchingPass");
        var both = new Core.Resources.Core.User { Username = "frank", Password = "m4tchingPass", PasswordHash = hash };
        await service.PrepareAsync(both, CancellationToken.None);
        Assert.Equal(hash, both.PasswordHash);
        Assert.Null(both.Password);
        var mismatch = await Assert.ThrowsAsync<Core.Validation.ResourceValidationException>(async () => await service.PrepareAsync(
            new Core.Resources.Core.User { Username = "frank", Password = "0therPassword", PasswordHash = hash }, CancellationToken.None));
        Assert.Equal("hashed password does not the match the cleartext password, only one of those should be provided", mismatch.Message);
        var current = (await _host.GetUserAsync("bob"))!;
        current.Password = "n3wBobPassword";
        await service.PrepareAsync(current, CancellationToken.None);
        Assert.True(PasswordHasher.Verify("n3wBobPassword", current.PasswordHash));
    }

    [Fact]
    public async Task Generic_writes_of_users_hash_the_password_and_output_drops_it()
    {
        var store = (Sensu.Backend.Resources.ResourceService)_host.App.Services.GetService(typeof(Sensu.Backend.Resources.ResourceService))!;
        await store.PutAsync(new Core.Resources.Core.User { Username = "erin", Password = "3rinPassword", Groups = ["ops"] }, CancellationToken.None);
        var stored = (await _host.GetUserAsync("erin"))!;
        Assert.Null(stored.Password);
        Assert.True(PasswordHasher.Verify("3rinPassword", stored.PasswordHash));
        await _host.LoginAsync("erin", "3rinPassword");

        var filtered = await new UserOutputFilter().FilterAsync(
            Core.Registry.ResourceRegistry.For<Core.Resources.Core.User>(),
            new Core.Resources.Core.User { Username = "erin", Password = "leak" },
            new System.Security.Claims.ClaimsPrincipal(),
            CancellationToken.None);
        Assert.Null(Assert.IsType<Core.Resources.Core.User>(filtered).Password);
    }

    private static string Body(string next, string? current) =>
        JsonSerializer.Serialize(new PasswordChangeBody(next, current), AuthJsonContext.Default.PasswordChangeBody);
}
