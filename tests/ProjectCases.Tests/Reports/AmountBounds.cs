using JasperFx.Events;
using ProjectCases.Projects;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Orders;

namespace ProjectCases.Tests.Reports;

/// <summary>Amounts are bounded at the edge; a stored amount beyond the bound (recorded before it existed) cannot poison a year.</summary>
public class AmountBounds
{
    private static ContractAwarded Award(decimal? amountJpy) => new(Guid.NewGuid(), Guid.NewGuid(), null, "Civil", "Nippon Koei", true,
        AwardType.Prime, AwardScope.Civil, amountJpy is null ? null : new Money(amountJpy.Value, "JPY"), amountJpy, new DateOnly(2019, 6, 1));

    [Theory]
    [InlineData("100000000000000", null), InlineData("0.01", null), InlineData("100000000000000.01", "at most"),
     InlineData("0", "greater than 0"), InlineData("-5", "greater than 0"), InlineData("1.005", "decimal places"),
     InlineData("79228162514264337593543950335", "at most")]
    public void a_yen_amount_is_positive_at_most_ten_to_the_fourteenth_and_to_the_sen(string value, string? problem)
    {
        var found = Amounts.CheckJpy(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void the_kpi_projection_refuses_an_award_beyond_the_bound_naming_it_and_leaves_the_year_as_it_was()
    {
        var projection = new FiscalYearActivityProjection();
        var year = projection.Evolve(null, 2019, new Event<ContractAwarded>(Award(5_000_000_000m)))!;
        var absurd = Award(decimal.MaxValue);

        var refused = Assert.Throws<AmountOutOfBoundsException>(() => projection.Evolve(year, 2019, new Event<ContractAwarded>(absurd)));
        Assert.Contains(absurd.AwardId.ToString(), refused.Message);
        Assert.Equal((1, 1, 5_000_000_000m), (year.Awards, year.JapaneseWins, year.JapaneseWinsAmountJpy));

        projection.Evolve(year, 2019, new Event<ContractAwarded>(Award(Amounts.MaxJpy)));
        Assert.Equal(Amounts.MaxJpy + 5_000_000_000m, year.JapaneseWinsAmountJpy);
    }

    [Fact]
    public void the_orders_projection_refuses_an_award_beyond_the_bound_and_leaves_the_document_as_it_was()
    {
        var projection = new ProjectYearOrdersProjection();
        var normal = Award(7_000_000_000m);
        var orders = projection.Evolve(null, "2019:x", new Event<ContractAwarded>(normal))!;
        Assert.Throws<AmountOutOfBoundsException>(() => projection.Evolve(orders, "2019:x", new Event<ContractAwarded>(Award(-1m))));
        Assert.Equal((1, 7_000_000_000m), (orders.Awards, orders.AmountJpy));
    }

    [Fact]
    public void undisclosed_awards_count_and_add_nothing() => Assert.Equal(0, Amounts.Summable(Award(null)));
}
