using ProjectCases.Reports;
using ProjectCases.Reports.Kpi;

namespace ProjectCases.Tests.Reports;

public class FiscalYearsAndGrades
{
    [Theory]
    [InlineData("2025-03-31", 2024), InlineData("2025-04-01", 2025), InlineData("2025-12-31", 2025), InlineData("2026-01-01", 2025)]
    public void a_business_date_belongs_to_the_fiscal_year_that_began_on_the_last_april_first(string date, int fiscalYear) =>
        Assert.Equal(fiscalYear, FiscalYear.Of(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2025-03-31T14:59:59Z", 2024), InlineData("2025-03-31T15:00:00Z", 2025)] // midnight in Tokyo is 15:00 UTC
    public void an_instant_counts_by_its_tokyo_day(string instant, int fiscalYear) =>
        Assert.Equal(fiscalYear, FiscalYear.Of(DateTimeOffset.Parse(instant)));

    [Theory]
    [InlineData(45, 45, "A"), InlineData(50, 45, "A"), InlineData(36, 45, "B"), InlineData(35.99, 45, "C"), InlineData(0, 0, "A")]
    public void grades_are_a_when_met_b_from_eighty_percent_and_c_below(decimal actual, decimal target, string grade) =>
        Assert.Equal(grade, Grades.For(actual, target));

    [Fact]
    public void there_is_no_grade_without_a_target() => Assert.Null(Grades.For(12, null));
}
