using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Core.Wrapped;

/// <summary>A resource decoded from a wrapped document, with where it came from and what was ignored in it.</summary>
public sealed record DecodedResource(int Index, int Line, ResourceType Type, IResource Resource, IReadOnlyList<string> Warnings);
