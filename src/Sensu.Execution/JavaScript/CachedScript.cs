using Acornima.Ast;
using Jint;

namespace Sensu.Execution.JavaScript;

/// <summary>A parsed script (or the reason it does not parse), shared by every engine and thread.</summary>
internal sealed class CachedScript
{
    private CachedScript(Prepared<Script>? prepared, string? syntaxError, bool declaresGlobals, bool inert)
    {
        Prepared = prepared;
        SyntaxError = syntaxError;
        DeclaresGlobals = declaresGlobals;
        Inert = inert;
    }

    public Prepared<Script>? Prepared { get; }

    /// <summary>The parser's message when the source is not valid JavaScript.</summary>
    public string? SyntaxError { get; }

    /// <summary>
    /// True when the script declares top-level bindings (<c>var</c>, <c>let</c>, <c>const</c>, <c>function</c>, <c>class</c>):
    /// such bindings outlive the run and cannot all be removed, so the engine that ran it is not reused.
    /// </summary>
    public bool DeclaresGlobals { get; }

    /// <summary>
    /// True when the script is made only of expressions that read: no assignment, increment or <c>delete</c>, no call
    /// or <c>new</c>, no function, class, getter or method, no <c>this</c>, no statement but expressions (e.g.
    /// <c>event.check.status != 0 &amp;&amp; event.entity.labels.env == "prod"</c>). On an engine without libraries
    /// (so with no code but its frozen built-ins) such a script runs no code that could add a global or change
    /// one, so the engine needs no search of its global object before reuse.
    /// </summary>
    public bool Inert { get; }

    public static CachedScript Parse(string source)
    {
        try
        {
            var prepared = Engine.PrepareScript(source);
            var declares = prepared.Program?.Body.Any(static s => s is Declaration) ?? false;
            return new CachedScript(prepared, null, declares, prepared.Program is { } program && OnlyReads(program));
        }
        catch (ScriptPreparationException ex)
        {
            return new CachedScript(null, (ex.InnerException ?? ex).Message, false, false);
        }
        catch (Acornima.ParseErrorException ex)
        {
            return new CachedScript(null, ex.Message, false, false);
        }
    }

    private static bool OnlyReads(Node program)
    {
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var reads = node switch
            {
                // An update (x++) is a UnaryExpression too: only the unary operators proper, and not delete.
                UnaryExpression unary => unary.Type == NodeType.UnaryExpression && unary.Operator != Acornima.Operator.Delete,
                Property property => property is { Kind: PropertyKind.Init, Method: false },
                _ => node.Type is NodeType.Program or NodeType.ExpressionStatement or NodeType.EmptyStatement
                    or NodeType.Literal or NodeType.Identifier or NodeType.MemberExpression or NodeType.ChainExpression
                    or NodeType.BinaryExpression or NodeType.LogicalExpression or NodeType.ConditionalExpression
                    or NodeType.ArrayExpression or NodeType.SpreadElement or NodeType.ObjectExpression
                    or NodeType.TemplateLiteral or NodeType.TemplateElement or NodeType.SequenceExpression
                    or NodeType.ParenthesizedExpression,
            };
            if (!reads)
                return false;
            foreach (var child in node.ChildNodes)
                pending.Push(child);
        }
        return true;
    }
}
