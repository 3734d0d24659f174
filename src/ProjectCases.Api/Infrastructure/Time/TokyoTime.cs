namespace ProjectCases;

/// <summary>Japan's calendar: business dates, "end of day" and fiscal years are all in Asia/Tokyo.</summary>
public static class TokyoTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The last instant of a Tokyo calendar day (what a bare date means in ?asOf).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnight, Zone.GetUtcOffset(nextMidnight)).AddTicks(-1);
    }

    /// <summary>The first instant of a Tokyo calendar day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The same instant with Japan's offset (2026-12-03T00:14:00+09:00), as the hotline's responses show times.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;
}
