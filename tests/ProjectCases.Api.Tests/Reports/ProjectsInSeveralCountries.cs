using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>A project in several countries is one project: counted once, under its primary country's region.</summary>
public class ProjectsInSeveralCountries(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_two_country_project_counts_once_in_the_orders_and_kpi_reports()
    {
        var cable = new ProjectApi(Host, await GivenProjects.Registered(Host, new
        {
            name = "Cable SG-IN", countries = new[] { "SG", "IN" }, sector = "ICT", financing = "JICT", ministry = "MIC",
        }));
        await cable.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2024-05-10"), 201);
        await cable.Award(await cable.OpenTender(openedOn: "2024-06-01"), awardedOn: "2024-10-15");
        await WaitForProjections();

        var orders = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/orders?from=2024&to=2024"); s.StatusCodeShouldBeOk(); }));
        var row = Assert.Single(orders.GetProperty("rows").EnumerateArray());
        Assert.Equal(("Southeast Asia", 1), (row.GetProperty("region").GetString(), row.GetProperty("awards").GetInt32()));
        Assert.Equal(1, orders.GetProperty("totals").GetProperty("awards").GetInt32());

        var kpi = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2024"); s.StatusCodeShouldBeOk(); }));
        var touchpoints = kpi.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "touchpoints.total");
        Assert.Equal(1, touchpoints.GetProperty("actual").GetDecimal());
    }
}
