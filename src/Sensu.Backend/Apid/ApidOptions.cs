using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Apid;

/// <summary>The API listener's settings (<c>--api-listen-address</c>, <c>--api-request-limit</c>, <c>--cert-file</c>/<c>--key-file</c>), validated at start.</summary>
public sealed class ApidOptions
{
    /// <summary><c>--api-listen-address</c>: <c>host:port</c> (Sensu's default <c>[::]:8080</c>).</summary>
    [Required(ErrorMessage = "api-listen-address must not be empty")]
    public string ListenAddress { get; set; } = "[::]:8080";

    /// <summary><c>--api-request-limit</c>: the largest request body, in bytes.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "api-request-limit must be at least 1")]
    public int RequestLimit { get; set; } = 512000;

    /// <summary><c>--cert-file</c>: with <see cref="KeyFile"/>, the API is served over HTTPS.</summary>
    public string? CertFile { get; set; }

    /// <summary><c>--key-file</c>.</summary>
    public string? KeyFile { get; set; }
}
