using ProjectCases.Projects;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Kpi;
using ProjectCases.Reports.Orders;

namespace ProjectCases.Tests.Reports;

/// <summary>The in-year view's arithmetic, scoped reports and the strategy's sector groups (issue 16 item 5).</summary>
public class ScopesAndStrategyGroups
{
    [Theory]
    [InlineData("2022-03-31", 0), InlineData("2022-04-01", 0.0027), InlineData("2022-10-01", 0.5041), InlineData("2023-03-31", 1), InlineData("2024-01-01", 1)]
    public void the_elapsed_share_counts_days_of_the_fiscal_year_up_to_and_including_today(string today, decimal expected) =>
        Assert.Equal(expected, KpiReport.ElapsedShareOf(2022, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void the_in_year_view_pro_rates_each_target_and_says_whether_the_count_keeps_up()
    {
        var activity = new ActivityCounts { Touchpoints = { [TouchpointKind.Seminar] = 3 } };
        var targets = new Dictionary<string, decimal> { ["touchpoints.seminars"] = 4, ["touchpoints.internationalConferences"] = 28 };
        var report = KpiReport.Build(2022, activity, targets, new KpiScope(Ministry.MIC, null, new DateOnly(2022, 10, 1)));
        var seminars = report.Indicators.Single(i => i.Key == "touchpoints.seminars");
        Assert.Equal((3m, 2.02m, true, "C"), (seminars.ToDate!.Value, seminars.ProRatedTarget!.Value, seminars.OnTrack!.Value, seminars.Grade));
        var conferences = report.Indicators.Single(i => i.Key == "touchpoints.internationalConferences");
        Assert.Equal((14.11m, false), (conferences.ProRatedTarget!.Value, conferences.OnTrack!.Value));
        Assert.Null(report.Indicators.Single(i => i.Key == "touchpoints.topSales").OnTrack);
        Assert.DoesNotContain(report.Indicators, i => i.Key.StartsWith("hotline.", StringComparison.Ordinal));
    }

    [Fact]
    public void the_report_of_every_ministry_keeps_the_hotline_lines_and_has_no_in_year_view_unless_asked()
    {
        var report = KpiReport.Build(2022, new ActivityCounts { HotlineReceived = 2 }, new Dictionary<string, decimal>(), new KpiScope());
        Assert.Equal(2, report.Indicators.Single(i => i.Key == "hotline.received").Actual);
        Assert.All(report.Indicators, i => Assert.Null(i.ToDate));
        Assert.Null(report.ElapsedShare);
    }

    [Fact]
    public void every_sector_falls_into_one_strategy_group_and_none_into_new_fields()
    {
        var groups = Enum.GetValues<Sector>().ToDictionary(s => s, StrategyGroups.Of);
        Assert.Equal(StrategyGroup.Transport, groups[Sector.Rail]);
        Assert.Equal(StrategyGroup.Transport, groups[Sector.Port]);
        Assert.Equal(StrategyGroup.ICT, groups[Sector.ICT]);
        Assert.Equal(StrategyGroup.Energy, groups[Sector.Energy]);
        Assert.Equal(StrategyGroup.LivingEnvironment, groups[Sector.Water]);
        Assert.Equal(StrategyGroup.InfrastructureDevelopment, groups[Sector.Urban]);
        Assert.DoesNotContain(StrategyGroup.NewFields, groups.Values);
        Assert.Equal("新分野", StrategyGroups.JapaneseOf(StrategyGroup.NewFields));
    }

    [Fact]
    public void an_award_counts_in_the_calendar_year_and_the_fiscal_year_of_its_date()
    {
        var award = new ContractAwarded(Guid.NewGuid(), Guid.NewGuid(), null, "Civil", "Nippon Koei", true, AwardType.Prime, AwardScope.Civil,
            new Money(1_000_000_000m, "JPY"), 1_000_000_000m, new DateOnly(2025, 3, 31));
        var calendar = new ProjectCalendarYearOrdersProjection().Evolve(null, YearOrders.IdOf(2025, award.ProjectId), new JasperFx.Events.Event<ContractAwarded>(award))!;
        var fiscal = new ProjectYearOrdersProjection().Evolve(null, YearOrders.IdOf(2024, award.ProjectId), new JasperFx.Events.Event<ContractAwarded>(award))!;
        Assert.Equal((2025, 1, 1_000_000_000m), (calendar.CalendarYear, calendar.Awards, calendar.JapaneseWinsAmountJpy));
        Assert.Equal((2024, 1), (fiscal.FiscalYear, fiscal.Awards));
    }
}
