namespace Sensu.Backend.Dashboard.Events;

/// <summary>Which event actions a user may take (the buttons shown); the actions check again when taken.</summary>
public sealed record EventPermissions(bool Resolve, bool Silence, bool Delete);
