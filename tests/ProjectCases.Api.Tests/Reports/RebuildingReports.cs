using Marten;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Orders;

namespace ProjectCases.Api.Tests.Reports;

public class RebuildingReports(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<string> Text(string url)
    {
        await WaitForProjections();
        return (await As("admin", s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); })).ReadAsText();
    }

    [Fact]
    public async Task rebuilding_the_report_projections_from_the_events_gives_the_same_numbers()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();
        string[] urls = ["/api/reports/kpi?fiscalYear=2023", "/api/reports/kpi?fiscalYear=2024", "/api/reports/kpi?fiscalYear=2025", "/api/reports/orders?from=2023&to=2025"];
        var before = new List<string>();
        foreach (var url in urls) before.Add(await Text(url));

        // Throw the read model away first, so the numbers afterwards can only come from the rebuild.
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<FiscalYearActivity>(_ => true);
            session.DeleteWhere<ProjectYearOrders>(_ => true);
            await session.SaveChangesAsync();
        }
        Assert.Contains("\"actual\":0", await Text(urls[1]));
        Assert.DoesNotContain("\"actual\":1,", await Text(urls[1]));
        Assert.Contains("\"rows\":[]", await Text(urls[3]));

        await WhileProjectionsPaused(async daemon =>
        {
            await daemon.RebuildProjectionAsync<FiscalYearActivityProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<ProjectYearOrdersProjection>(CancellationToken.None);
        });

        var after = new List<string>();
        foreach (var url in urls) after.Add(await Text(url));
        Assert.Equal(before, after);
    }
}
