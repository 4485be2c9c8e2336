using Microsoft.AspNetCore.Http;
using Sensu.Backend.Listeners;

namespace Sensu.Backend.Dashboard;

/// <summary>The dashboard port's listener: it serves only the dashboard (its own endpoint routing); the API port never serves it.</summary>
public sealed class DashboardListener() : PortListener("http", "https")
{
    public bool IsDashboardConnection(HttpContext context) => ArrivedHere(context);
}
