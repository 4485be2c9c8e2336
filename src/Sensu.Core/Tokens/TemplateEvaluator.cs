using System.Text.Json.Nodes;

namespace Sensu.Core.Tokens;

/// <summary>Executes pipelines against the data, recording the first missing map key like Go's <c>missingkey=error</c> would.</summary>
internal sealed class TemplateEvaluator(GoTemplate template, JsonNode? data)
{
    public string? FirstMissingKey { get; private set; }

    public TemplateValue EvaluatePipeline(TemplatePipeline pipeline, TemplateValue? unused)
    {
        TemplateValue? final = unused;
        foreach (var command in pipeline.Commands)
            final = EvaluateCommand(command, final);
        return final ?? TemplateValue.Of(null);
    }

    private TemplateValue EvaluateCommand(TemplateCommand command, TemplateValue? final)
    {
        var first = command.Operands[0];
        if (first is TemplateFunctionOperand function)
        {
            var args = new List<TemplateValue>(command.Operands.Count);
            foreach (var operand in command.Operands.Skip(1))
                args.Add(EvaluateArgument(operand));
            if (final is { } piped)
                args.Add(piped);
            try
            {
                return TemplateFunctions.Call(function.Name, args);
            }
            catch (TemplateExecutionException e)
            {
                throw new TemplateExecutionException(template.Context(function) + e.Message);
            }
        }
        if (command.Operands.Count > 1 || final is not null)
            throw new TemplateExecutionException(template.Context(first) + $"can't give argument to non-function {first.Text}");
        return EvaluateArgument(first);
    }

    private TemplateValue EvaluateArgument(TemplateOperand operand) => operand switch
    {
        TemplateLiteralOperand literal => TemplateValue.Of(literal.Value?.DeepClone()),
        TemplateFieldOperand field => EvaluateField(field),
        TemplateSubPipelineOperand sub => EvaluatePipeline(sub.Pipeline, null),
        TemplateFunctionOperand function => EvaluateCommand(new TemplateCommand([function], function.Position), null),
        _ => throw new TemplateExecutionException(template.Context(operand) + "unsupported operand"),
    };

    private TemplateValue EvaluateField(TemplateFieldOperand field)
    {
        var current = TemplateValue.Of(data);
        foreach (var name in field.Path)
        {
            if (current.IsMissing)
            {
                FirstMissingKey ??= template.Context(field) + $"nil data; no entry for key \"{name}\"";
                return TemplateValue.Missing;
            }
            switch (current.Node)
            {
                case null:
                    throw new TemplateExecutionException(template.Context(field) + $"nil pointer evaluating interface {{}}.{name}");
                case JsonObject obj:
                    if (obj.TryGetPropertyValue(name, out var child))
                    {
                        current = TemplateValue.Of(child);
                    }
                    else
                    {
                        FirstMissingKey ??= template.Context(field) + $"map has no entry for key \"{name}\"";
                        current = TemplateValue.Missing;
                    }
                    break;
                default:
                    throw new TemplateExecutionException(template.Context(field)
                        + $"can't evaluate field {name} in type {TemplateValueFormatter.GoTypeName(current.Node)}");
            }
        }
        return current;
    }
}
