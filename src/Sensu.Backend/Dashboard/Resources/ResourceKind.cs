using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Backend.Dashboard.Resources;

/// <summary>A kind the dashboard lists read-only: its URL segment, title, type and a one-line summary of an item.</summary>
public sealed record ResourceKind(string Slug, string Title, ResourceType Type, string SummaryTitle, Func<IResource, string> Summary);
