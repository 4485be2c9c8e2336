using System.Globalization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// One rule of an output metric threshold: outside [<see cref="Min"/>, <see cref="Max"/>] gives
/// <see cref="Status"/>. Bounds are strings holding numbers, as in Sensu (<c>"75.0"</c>, or empty).
/// </summary>
public sealed class MetricThresholdRule
{
    public string Min { get; set; } = "";

    public string Max { get; set; } = "";

    public uint Status { get; set; }

    public void Validate()
    {
        Min = (Min ?? "").Trim();
        Max = (Max ?? "").Trim();
        if (Min.Length == 0 && Max.Length == 0)
            throw new ResourceValidationException("One of Min or Max required");
        if (Min.Length > 0 && !IsNumber(Min))
            throw new ResourceValidationException("Min must be a floating point number");
        if (Max.Length > 0 && !IsNumber(Max))
            throw new ResourceValidationException("Max must be a floating point number");
    }

    private static bool IsNumber(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
