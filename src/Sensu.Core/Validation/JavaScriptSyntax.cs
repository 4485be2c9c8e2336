using Acornima;

namespace Sensu.Core.Validation;

/// <summary>
/// Checks that JavaScript snippets (filter expressions, asset filters, proxy entity attributes) parse as
/// ECMAScript, like Sensu's <c>js.ParseExpressions</c>. Only syntax is checked; nothing is evaluated.
/// </summary>
public static class JavaScriptSyntax
{
    /// <summary>Throws "syntax error in expression N: …" (N zero-based, like Sensu) for the first snippet that does not parse.</summary>
    public static void Expressions(IEnumerable<string>? expressions)
    {
        if (expressions is null)
            return;
        var index = 0;
        foreach (var expression in expressions)
        {
            var error = Check(expression);
            if (error is not null)
                throw new ResourceValidationException($"syntax error in expression {index}: {error}");
            index++;
        }
    }

    /// <summary>The parser's message when <paramref name="source"/> is not valid ECMAScript; null when it parses.</summary>
    public static string? Check(string? source)
    {
        try
        {
            new Parser().ParseScript(source ?? "");
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ex.Message;
        }
    }
}
