using Sensu.Core.Json;
using System.Globalization;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// One entry of a check's <c>subdues</c> (6.10+): an RFC 3339 <see cref="Begin"/>/<see cref="End"/> window,
/// optionally repeated (<c>daily</c>, <c>weekdays</c>, <c>weekends</c>, <c>mondays</c>…<c>sundays</c>,
/// <c>monthly</c>, <c>annually</c>).
/// </summary>
public sealed class TimeWindowRepeated : IJsonOnDeserialized
{
    public static IReadOnlyList<string> RepeatValues { get; } =
    [
        "daily", "weekdays", "weekends", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
        "sundays", "monthly", "annually",
    ];

    public string Begin { get; set; } = "";

    public string End { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<string>? Repeat { get; set; }

    /// <summary>Parses an RFC 3339 timestamp as Sensu writes them (<c>2022-04-18T17:00:00-07:00</c>).</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);

    public void Validate()
    {
        if (!TryParseTimestamp(Begin, out var begin))
            throw new ResourceValidationException($"invalid begin time format: parsing time \"{Begin}\" as \"2006-01-02T15:04:05Z07:00\"");
        if (!TryParseTimestamp(End, out var end))
            throw new ResourceValidationException($"invalid end time format: parsing time \"{End}\" as \"2006-01-02T15:04:05Z07:00\"");
        if (end < begin)
            throw new ResourceValidationException("end time must be after begin time");
        foreach (var repeat in Repeat ?? [])
        {
            if (!RepeatValues.Contains(repeat, StringComparer.Ordinal))
                throw new ResourceValidationException($"invalid repeat period: {repeat}");
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Begin ??= "";
        End ??= "";
        if (Repeat is { Count: 0 }) Repeat = null;
    }
}
