namespace Sensu.Backend.Resources;

/// <summary>
/// A refused resource read or write with Sensu's error code; its message is shown to the client as is
/// (the API maps the code to an HTTP status in one table, <c>Apid/ApiErrors</c>).
/// </summary>
public sealed class ResourceException : Exception
{
    public ResourceException(SensuErrorCode code, string message) : base(message) => Code = code;

    public ResourceException(SensuErrorCode code, string message, Exception inner) : base(message, inner) => Code = code;

    public ResourceException() : this(SensuErrorCode.InternalErr, "internal error") { }

    public ResourceException(string message) : this(SensuErrorCode.InternalErr, message) { }

    public ResourceException(string message, Exception inner) : this(SensuErrorCode.InternalErr, message, inner) { }

    public SensuErrorCode Code { get; }

    public static ResourceException Invalid(string message) => new(SensuErrorCode.InvalidArgument, message);

    public static ResourceException NotFound(string message = "not found") => new(SensuErrorCode.NotFound, message);

    public static ResourceException Exists(string message = "already exists") => new(SensuErrorCode.AlreadyExists, message);
}
