namespace Sensu.Backend.Resources;

/// <summary>Sensu's error codes (the <c>code</c> of an API error body); <c>Apid/ApiErrors</c> maps each to an HTTP status.</summary>
public enum SensuErrorCode
{
    InternalErr = 0,
    InvalidArgument = 1,
    NotFound = 2,
    AlreadyExists = 3,
    PermissionDenied = 4,
    Unauthenticated = 5,
    PaymentRequired = 6,
    PreconditionFailed = 7,
    DeadlineExceeded = 8,
}
