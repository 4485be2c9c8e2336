using Sensu.Backend.Resources;

namespace Sensu.Backend.Apid;

/// <summary>
/// An API failure as it is answered: Sensu's error code and message (the body) and the HTTP status, which is the
/// code's own (<see cref="ApiErrors.StatusOf"/>) unless the failure is HTTP-specific (413, 405, 429, 503).
/// </summary>
public sealed record ApiError(SensuErrorCode Code, string Message, int Status, Exception? Cause = null)
{
    /// <summary>A domain error with the status of its code.</summary>
    public static ApiError Of(ResourceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Code, error.Message, ApiErrors.StatusOf(error.Code), error.InnerException);
    }

    public static ApiError Invalid(string message) => Of(ResourceException.Invalid(message));

    public static ApiError NotFound(string message) => Of(ResourceException.NotFound(message));
}
