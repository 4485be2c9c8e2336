using System.Globalization;
using System.Text;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// A statement put together from the fixed fragments in <c>Sql/</c>: each value is bound as a positional parameter
/// (<c>$1</c>, <c>$2</c>...) and only its placeholder enters the text.
/// </summary>
internal sealed class PostgresStatement
{
    private readonly StringBuilder _sql;

    public PostgresStatement(string head, params ReadOnlySpan<object?> headValues)
    {
        _sql = new StringBuilder(head);
        foreach (var value in headValues)
            Bind(value);
    }

    public List<NpgsqlParameter> Parameters { get; } = [];

    /// <summary>Binds <paramref name="value"/> (null as SQL NULL) and returns its placeholder.</summary>
    public string Bind(object? value)
    {
        Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return "$" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Appends a fragment whose <c>{0}</c>, <c>{1}</c>... are placeholders (or other fragments).</summary>
    public PostgresStatement Append(string fragment, params ReadOnlySpan<object?> args)
    {
        _sql.AppendFormat(CultureInfo.InvariantCulture, fragment, args);
        return this;
    }

    public NpgsqlCommand Command(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(_sql.ToString(), connection);
        foreach (var parameter in Parameters)
            command.Parameters.Add(parameter);
        return command;
    }

    public override string ToString() => _sql.ToString();
}
