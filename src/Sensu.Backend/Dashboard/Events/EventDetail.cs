using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard.Events;

/// <summary>One event with the silences that apply to it now (reason, creator and expiry shown).</summary>
public sealed record EventDetail(EventRow Row, IReadOnlyList<Silenced> Silences);
