namespace Sensu.Backend.Apid;

/// <summary>Sensu's API error codes (the <c>code</c> of an error body) and the HTTP status each maps to.</summary>
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
