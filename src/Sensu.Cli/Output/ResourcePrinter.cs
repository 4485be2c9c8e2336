using System.Globalization;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sensu.Cli.Output;

/// <summary>Prints resources in the chosen <see cref="OutputFormat"/>: aligned tables, bare JSON, wrapped JSON or YAML.</summary>
public sealed class ResourcePrinter(CliIo io)
{
    public void List(OutputFormat format, ResourceType type, IReadOnlyList<IResource> resources, bool allNamespaces)
    {
        if (format != OutputFormat.Tabular)
        {
            io.Out.Write(WrappedWriter.Write(OutputFormats.ToWrapped(format), resources));
            return;
        }
        var columns = TableColumns.For(type).ToList();
        if (allNamespaces && type.Namespaced)
            columns.Insert(0, TableColumns.Namespace);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
            table.AddColumn(new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold))));
        foreach (var resource in resources)
        {
            var view = ResourceView.Of(resource);
            table.AddRow(columns.Select(c => (IRenderable)new Text(c.Value(view))));
        }
        Console().Write(table);
    }

    /// <summary>One resource: a <c>=== name</c> block of fields in tabular form, else as the format writes it.</summary>
    public void One(OutputFormat format, IResource resource)
    {
        switch (format)
        {
            case OutputFormat.Json:
                io.Out.Write(WrappedWriter.WriteJson(resource));
                return;
            case OutputFormat.Yaml:
            case OutputFormat.WrappedJson:
                io.Out.Write(WrappedWriter.Write(OutputFormats.ToWrapped(format), [resource]));
                return;
        }
        var type = ResourceRegistry.For(resource);
        var view = ResourceView.Of(resource);
        var columns = TableColumns.For(type);
        var name = Cells.Text(view, "metadata.name");
        io.Out.WriteLine($"=== {(string.IsNullOrEmpty(name) ? Cells.Text(view, columns[0].Header == "Name" ? "name" : "username") : name)}");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        if (type.Namespaced)
            grid.AddRow(new Text("Namespace:", new Style(decoration: Decoration.Bold)), new Text(Cells.Text(view, "metadata.namespace")));
        foreach (var column in columns)
            grid.AddRow(new Text(column.Header + ":", new Style(decoration: Decoration.Bold)), new Text(column.Value(view)));
        Console().Write(grid);
    }

    /// <summary>A plain table of text cells with bold headers (for lists that are not resources).</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        foreach (var row in rows)
            table.AddRow(row.Select(c => (IRenderable)new Text(c)));
        Console().Write(table);
    }

    /// <summary>A one-line message for the operator (on standard output, like Sensu's "Created").</summary>
    public void Message(string text) => io.Out.WriteLine(text);

    public static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = io.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = io.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(io.Out),
        });
        if (!io.OutputIsTerminal)
            console.Profile.Width = 4096;
        return console;
    }
}
