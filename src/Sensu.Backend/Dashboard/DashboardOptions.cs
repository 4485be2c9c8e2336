using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Dashboard;

/// <summary>The dashboard listener's settings (<c>--dashboard-host</c>, <c>--dashboard-port</c>, <c>--dashboard-cert-file</c>/<c>--dashboard-key-file</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary><c>--dashboard-host</c>: <c>[::]</c> (every interface) by default.</summary>
    [Required(ErrorMessage = "dashboard-host must not be empty")]
    public string Host { get; set; } = "[::]";

    /// <summary><c>--dashboard-port</c>: 3000 by default; 0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "dashboard-port must be between 0 and 65535")]
    public int Port { get; set; } = 3000;

    /// <summary><c>--dashboard-cert-file</c>: with <see cref="KeyFile"/>, the dashboard is served over HTTPS (and its cookie is Secure).</summary>
    public string? CertFile { get; set; }

    /// <summary><c>--dashboard-key-file</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Events per page of the events list.</summary>
    [Range(1, 500, ErrorMessage = "the dashboard page size must be between 1 and 500")]
    public int PageSize { get; set; } = 25;

    public bool Tls => !string.IsNullOrEmpty(CertFile) && !string.IsNullOrEmpty(KeyFile);
}
