using System.Text.Json.Nodes;

namespace Sensu.Cli.Output;

/// <summary>One column of a tabular listing: a header and how to read the cell from a resource's JSON view.</summary>
public sealed record Column(string Header, Func<JsonObject, string> Value);
