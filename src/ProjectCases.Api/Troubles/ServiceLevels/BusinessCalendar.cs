using System.Globalization;

namespace ProjectCases.Troubles.ServiceLevels;

/// <summary>
/// Tokyo business days: Monday to Friday, minus configured holidays. Adding N business days keeps the
/// local time of day and lands on the Nth business day after the start date (Friday 10:00 + 1 = Monday
/// 10:00; Saturday 10:00 + 1 = Monday 10:00). Hours are clock hours: an urgent case does not wait for Monday.
/// </summary>
public sealed class BusinessCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateTimeOffset Add(DateTimeOffset start, string target)
    {
        if (target.EndsWith("bd") && int.TryParse(target[..^2], CultureInfo.InvariantCulture, out var days) && days > 0)
            return AddBusinessDays(start, days);
        if (target.EndsWith('h') && double.TryParse(target[..^1], CultureInfo.InvariantCulture, out var hours) && hours > 0)
            return start.ToUniversalTime().AddHours(hours);
        throw new FormatException($"Service-level target '{target}' must be hours (\"4h\") or business days (\"5bd\").");
    }

    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var local = TimeZoneInfo.ConvertTime(start, TokyoTime.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day)) counted++;
        }
        var result = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(result, TokyoTime.Zone.GetUtcOffset(result)).ToUniversalTime(); // stored and compared in UTC
    }
}
