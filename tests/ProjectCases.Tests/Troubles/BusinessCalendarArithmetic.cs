using ProjectCases;
using ProjectCases.Troubles.ServiceLevels;

namespace ProjectCases.Tests.Troubles;

public class BusinessCalendarArithmetic
{
    // 2026-11-20 is a Friday; 2026-11-23 (Monday) is Labour Thanksgiving Day, configured as a holiday.
    private static readonly BusinessCalendar Calendar = new([new DateOnly(2026, 11, 23)]);

    private static DateTimeOffset Tokyo(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void one_business_day_from_friday_skips_the_weekend_and_the_holiday() =>
        Assert.Equal(Tokyo(11, 24, 10), Calendar.Add(Tokyo(11, 20, 10), "1bd"));

    [Fact]
    public void five_business_days_from_a_wednesday_cross_one_weekend() =>
        Assert.Equal(Tokyo(12, 2, 15), new BusinessCalendar([]).Add(Tokyo(11, 25, 15), "5bd"));

    [Fact]
    public void a_saturday_report_counts_from_the_next_business_day() =>
        Assert.Equal(Tokyo(11, 24, 9), Calendar.Add(Tokyo(11, 21, 9), "1bd"));

    [Fact]
    public void hours_are_clock_hours_even_over_a_weekend() =>
        Assert.Equal(Tokyo(11, 21, 2), Calendar.Add(Tokyo(11, 20, 22), "4h"));

    [Fact]
    public void results_are_utc_instants() => Assert.Equal(TimeSpan.Zero, Calendar.Add(Tokyo(11, 20, 10), "2bd").Offset);

    [Theory]
    [InlineData("4")]
    [InlineData("0bd")]
    [InlineData("two days")]
    public void a_malformed_target_is_refused(string target) =>
        Assert.Throws<FormatException>(() => Calendar.Add(Tokyo(11, 20, 10), target));
}
