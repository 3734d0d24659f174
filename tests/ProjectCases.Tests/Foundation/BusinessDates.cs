using System.Text.Json;
using ProjectCases.Reports;

namespace ProjectCases.Tests.Foundation;

/// <summary>A business date is a day, a month or a Japanese fiscal year, kept as given and placed by its first day.</summary>
public class BusinessDates
{
    [Theory]
    [InlineData("2019-11-20", DatePrecision.Day, "2019-11-20", "2019-11-20", 2019)]
    [InlineData("2019-11", DatePrecision.Month, "2019-11-01", "2019-11-30", 2019)]
    [InlineData("2019-03", DatePrecision.Month, "2019-03-01", "2019-03-31", 2018)]
    [InlineData("2019-04", DatePrecision.Month, "2019-04-01", "2019-04-30", 2019)]
    [InlineData("2020-02", DatePrecision.Month, "2020-02-01", "2020-02-29", 2019)]
    [InlineData("FY2019", DatePrecision.FiscalYear, "2019-04-01", "2020-03-31", 2019)]
    public void each_form_reads_back_as_given_with_its_period_and_fiscal_year(string text, DatePrecision precision, string start, string end, int fiscalYear)
    {
        var date = BusinessDate.Parse(text);
        Assert.Equal((precision, DateOnly.Parse(start), DateOnly.Parse(end), fiscalYear, text),
            (date.Precision, date.Start, date.End, FiscalYear.Of(date), date.ToString()));
    }

    [Theory]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-5")]
    [InlineData("FY19")]
    [InlineData("fy2019")]
    [InlineData("FY 2019")]
    [InlineData("2019-02-30")]
    [InlineData("2019/05/01")]
    [InlineData("20190501")]
    [InlineData(" 2019-05")]
    [InlineData("")]
    public void anything_else_is_refused_rather_than_guessed_at(string text) => Assert.False(BusinessDate.TryParse(text, out _));

    [Fact]
    public void events_stored_with_plain_days_before_month_dates_existed_read_as_day_precision()
    {
        var stored = JsonSerializer.Deserialize<Stored>("""{"on":"2024-05-01","maybe":null}""", JsonSerializerOptions.Web)!;
        Assert.Equal((DatePrecision.Day, new DateOnly(2024, 5, 1), null), (stored.On.Precision, stored.On.Start, stored.Maybe));
        Assert.Equal("""{"on":"2019-05","maybe":"FY2019"}""",
            JsonSerializer.Serialize(new Stored(BusinessDate.Month(2019, 5), BusinessDate.OfFiscalYear(2019)), JsonSerializerOptions.Web));
    }

    [Fact]
    public void ordering_is_by_first_day_with_the_wider_period_first_and_before_means_certainly_before()
    {
        string[] dates = ["2019-04-02", "2019-04-01", "2019-04", "FY2019", "2019-03"];
        Assert.Equal(["2019-03", "FY2019", "2019-04", "2019-04-01", "2019-04-02"], dates.Select(BusinessDate.Parse).Order().Select(d => d.ToString()));
        Assert.False(BusinessDate.Parse("2019-05").EndsBefore(BusinessDate.Parse("2019-05-20"))); // the source does not say which day
        Assert.True(BusinessDate.Parse("2019-04").EndsBefore(BusinessDate.Parse("2019-05-20")));
        Assert.False(BusinessDate.Parse("2019-04").EndsBefore(null));
    }

    private sealed record Stored(BusinessDate On, BusinessDate? Maybe);
}
