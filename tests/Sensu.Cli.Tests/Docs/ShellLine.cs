using System.Text;

namespace Sensu.Cli.Tests.Docs;

/// <summary>
/// The little shell the table's runnable forms use: <c>&amp;&amp;</c> chains commands, <c>|</c> pipes into
/// <c>sensuctl</c> or <c>tee [-a] FILE</c>, <c>&gt;</c>/<c>&gt;&gt;</c> redirect stdout, <c>&lt;&lt;&lt; 'a\nb'</c> gives the prompts' answers.
/// Words may be single- or double-quoted.
/// </summary>
public sealed record ShellLine(IReadOnlyList<ShellLine.Stage> Stages, string? RedirectTo, bool Append, string? Answers)
{
    public sealed record Stage(string[] Words);

    public static IReadOnlyList<ShellLine> Parse(string text)
    {
        var result = new List<ShellLine>();
        var stages = new List<Stage>();
        var words = new List<string>();
        string? redirect = null, answers = null;
        var append = false;
        var tokens = Tokens(text).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (word, op) = tokens[i];
            if (!op)
            {
                words.Add(word);
                continue;
            }
            switch (word)
            {
                case "|":
                    stages.Add(new Stage([.. words]));
                    words.Clear();
                    break;
                case ">" or ">>":
                    redirect = tokens[++i].Word;
                    append = word == ">>";
                    break;
                case "<<<":
                    answers = tokens[++i].Word.Replace("\\n", "\n", StringComparison.Ordinal);
                    break;
                case "&&":
                    stages.Add(new Stage([.. words]));
                    result.Add(new ShellLine([.. stages], redirect, append, answers));
                    stages.Clear();
                    words.Clear();
                    (redirect, answers, append) = (null, null, false);
                    break;
            }
        }
        stages.Add(new Stage([.. words]));
        result.Add(new ShellLine([.. stages], redirect, append, answers));
        return result;
    }

    private static IEnumerable<(string Word, bool Operator)> Tokens(string text)
    {
        var current = new StringBuilder();
        bool any = false, quoted = false;
        var quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else
                    current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                any = quoted = true;
            }
            else if (c == ' ')
            {
                if (any)
                    yield return (current.ToString(), !quoted && IsOperator(current.ToString()));
                current.Clear();
                any = quoted = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (quote != '\0')
            throw new FormatException("unterminated quote: " + text);
        if (any)
            yield return (current.ToString(), !quoted && IsOperator(current.ToString()));
    }

    private static bool IsOperator(string word) => word is "|" or "&&" or ">" or ">>" or "<<<";
}
