namespace Sensu.Backend.Apid;

/// <summary>An API failure with Sensu's error code; its message is returned to the client as is.</summary>
public sealed class ApiException : Exception
{
    public ApiException(SensuErrorCode code, string message) : base(message) => Code = code;

    public ApiException(SensuErrorCode code, string message, Exception inner) : base(message, inner) => Code = code;

    public ApiException() : this(SensuErrorCode.InternalErr, "internal error") { }

    public ApiException(string message) : this(SensuErrorCode.InternalErr, message) { }

    public ApiException(string message, Exception inner) : this(SensuErrorCode.InternalErr, message, inner) { }

    public SensuErrorCode Code { get; }

    /// <summary>Extra HTTP status when a code has no status of its own (413 for oversized bodies).</summary>
    public int? StatusOverride { get; init; }

    public static ApiException Invalid(string message) => new(SensuErrorCode.InvalidArgument, message);

    public static ApiException NotFound(string message = "not found") => new(SensuErrorCode.NotFound, message);

    public static ApiException Exists(string message = "already exists") => new(SensuErrorCode.AlreadyExists, message);
}
