using Acornima.Ast;
using Jint;

namespace Sensu.Execution.JavaScript;

/// <summary>A parsed script (or the reason it does not parse), shared by every engine and thread.</summary>
internal sealed class CachedScript
{
    private CachedScript(Prepared<Script>? prepared, string? syntaxError, bool declaresGlobals)
    {
        Prepared = prepared;
        SyntaxError = syntaxError;
        DeclaresGlobals = declaresGlobals;
    }

    public Prepared<Script>? Prepared { get; }

    /// <summary>The parser's message when the source is not valid JavaScript.</summary>
    public string? SyntaxError { get; }

    /// <summary>
    /// True when the script declares top-level bindings (<c>var</c>, <c>let</c>, <c>const</c>, <c>function</c>, <c>class</c>):
    /// such bindings outlive the run and cannot all be removed, so the engine that ran it is not reused.
    /// </summary>
    public bool DeclaresGlobals { get; }

    public static CachedScript Parse(string source)
    {
        try
        {
            var prepared = Engine.PrepareScript(source);
            var declares = prepared.Program?.Body.Any(static s => s is Declaration) ?? false;
            return new CachedScript(prepared, null, declares);
        }
        catch (ScriptPreparationException ex)
        {
            return new CachedScript(null, (ex.InnerException ?? ex).Message, false);
        }
        catch (Acornima.ParseErrorException ex)
        {
            return new CachedScript(null, ex.Message, false);
        }
    }
}
