using System.Security.Claims;
using Microsoft.AspNetCore.Components;

namespace Sensu.Backend.Dashboard.Components.Shared;

/// <summary>
/// A namespaced dashboard page: finds the signed-in user (or sends them to sign-in), the namespaces they may see,
/// and whether they may see this page (<see cref="AllowedAsync"/>), then loads it (<see cref="LoadAsync"/>).
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    [Parameter] public string Namespace { get; set; } = "";

    [Inject] protected DashboardUser CurrentUser { get; set; } = null!;

    [Inject] protected DashboardAccess Access { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected CancellationTokenSource Stopping { get; } = new();

    protected ClaimsPrincipal? User { get; private set; }

    protected IReadOnlyList<string> Namespaces { get; private set; } = [];

    protected bool Denied { get; private set; }

    protected bool Loaded { get; private set; }

    protected string? Message { get; set; }

    protected bool MessageIsError { get; set; }

    protected string NsPath => "/n/" + Uri.EscapeDataString(Namespace);

    protected override async Task OnParametersSetAsync()
    {
        User = await CurrentUser.CurrentAsync(Stopping.Token);
        if (User is null)
        {
            Navigation.NavigateTo("/signin", forceLoad: true);
            return;
        }
        Namespaces = await Access.VisibleNamespacesAsync(User, Stopping.Token);
        Denied = !Namespaces.Contains(Namespace) || !await AllowedAsync(User, Stopping.Token);
        if (!Denied)
            await ReloadAsync();
    }

    /// <summary>Whether the user may see this page at all (the API read it stands for).</summary>
    protected abstract Task<bool> AllowedAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Reads what the page shows, for <paramref name="user"/>.</summary>
    protected abstract Task LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Asks for the user again (their session may have ended) and loads the page.</summary>
    protected async Task ReloadAsync()
    {
        var user = await CurrentUser.CurrentAsync(Stopping.Token);
        if (user is null)
        {
            Navigation.NavigateTo("/signin", forceLoad: true);
            return;
        }
        User = user;
        await LoadAsync(user, Stopping.Token);
        Loaded = true;
    }

    /// <summary>Runs an action as the current user, shows its message, and reloads.</summary>
    protected async Task ActAsync(Func<ClaimsPrincipal, CancellationToken, Task<Events.EventActionResult>> action)
    {
        var user = await CurrentUser.CurrentAsync(Stopping.Token);
        if (user is null)
        {
            Navigation.NavigateTo("/signin", forceLoad: true);
            return;
        }
        var result = await action(user, Stopping.Token);
        Message = result.Message;
        MessageIsError = !result.Done;
        await ReloadAsync();
    }

    protected static string Time(long unixSeconds) => unixSeconds <= 0
        ? "unknown"
        : DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Stopping.Cancel();
        Stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
