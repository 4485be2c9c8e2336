using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>Windows that apply every day (<see cref="All"/>) or on one weekday. Empty lists are omitted.</summary>
public sealed class TimeWindowDays : IJsonOnDeserialized
{
    public List<TimeWindowTimeRange>? All { get; set; }

    public List<TimeWindowTimeRange>? Sunday { get; set; }

    public List<TimeWindowTimeRange>? Monday { get; set; }

    public List<TimeWindowTimeRange>? Tuesday { get; set; }

    public List<TimeWindowTimeRange>? Wednesday { get; set; }

    public List<TimeWindowTimeRange>? Thursday { get; set; }

    public List<TimeWindowTimeRange>? Friday { get; set; }

    public List<TimeWindowTimeRange>? Saturday { get; set; }

    /// <summary>The windows for one weekday (not including <see cref="All"/>).</summary>
    public List<TimeWindowTimeRange>? For(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => Sunday,
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        _ => Saturday,
    };

    /// <summary>Every window of every list, <see cref="All"/> first.</summary>
    public IEnumerable<TimeWindowTimeRange> Every() =>
        new[] { All, Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday }
            .Where(l => l is not null)
            .SelectMany(l => l!);

    public void Validate()
    {
        foreach (var window in Every())
            window.Validate();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (All is { Count: 0 }) All = null;
        if (Sunday is { Count: 0 }) Sunday = null;
        if (Monday is { Count: 0 }) Monday = null;
        if (Tuesday is { Count: 0 }) Tuesday = null;
        if (Wednesday is { Count: 0 }) Wednesday = null;
        if (Thursday is { Count: 0 }) Thursday = null;
        if (Friday is { Count: 0 }) Friday = null;
        if (Saturday is { Count: 0 }) Saturday = null;
    }
}
