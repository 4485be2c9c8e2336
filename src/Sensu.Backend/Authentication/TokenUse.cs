namespace Sensu.Backend.Authentication;

/// <summary>Which kind of token: carried in the JWT header <c>typ</c> so one can never stand in for the other.</summary>
public enum TokenUse
{
    Access,
    Refresh,
}
