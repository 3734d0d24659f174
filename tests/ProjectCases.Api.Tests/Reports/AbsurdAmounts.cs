using Marten;
using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>Issue 22 item 2: one absurd number must neither be recorded nor break a year's reports.</summary>
public class AbsurdAmounts(ApiFixture fixture) : ApiTest(fixture)
{
    private const decimal Absurd = 79228162514264337593543950335m; // decimal.MaxValue

    private static object AwardBody(decimal value, decimal amountJpy, string currency = "JPY") => new
    {
        package = "Civil package", winner = "Nippon Koei", japaneseWinner = true, awardType = "Prime", scope = "Civil",
        amount = new { value, currency }, amountJpy, awardedOn = "2019-06-01",
    };

    [Fact]
    public async Task two_absurd_awards_are_refused_and_a_normal_award_after_them_still_counts_in_the_kpi_report()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        for (var i = 0; i < 2; i++)
        {
            var problem = await project.Post("/awards", AwardBody(Absurd, Absurd), 400);
            var errors = problem.GetProperty("errors");
            Assert.Contains("10^14", errors.GetProperty("amountJpy")[0].GetString());
            Assert.Contains("10^18", errors.GetProperty("amount.value")[0].GetString());
        }
        Assert.Equal(1, await StreamVersion(project.Id)); // nothing appended

        await project.Post("/awards", AwardBody(5_000_000_000m, 5_000_000_000m), 201);
        await WaitForProjections();
        var kpi = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2019"); s.StatusCodeShouldBeOk(); }))
            .GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("actual").GetDecimal());
        Assert.Equal(1, kpi["awards.total"]);
        Assert.Equal(5_000_000_000m, kpi["awards.japaneseWinsAmountJpy"]);
        var orders = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/orders?from=2019&to=2019"); s.StatusCodeShouldBeOk(); }));
        Assert.Equal(5_000_000_000m, orders.GetProperty("totals").GetProperty("amountJpy").GetDecimal());
    }

    [Fact]
    public async Task an_award_stored_before_the_bound_existed_is_left_out_and_every_other_award_of_the_year_still_counts()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var absurdAward = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            // As the old edge accepted it: straight into the stream, past today's validation.
            session.Events.Append(project.Id, new ProjectCases.Projects.ContractAwarded(project.Id, absurdAward, null, "Civil", "X", true,
                ProjectCases.Projects.AwardType.Prime, ProjectCases.Projects.AwardScope.Civil, new ProjectCases.Projects.Money(Absurd, "JPY"),
                Absurd, new DateOnly(2019, 5, 1)));
            await session.SaveChangesAsync();
        }
        await project.Post("/awards", AwardBody(5_000_000_000m, 5_000_000_000m), 201);
        await project.Post("/awards", AwardBody(2_000_000_000m, 2_000_000_000m), 201);
        await WaitForProjections();

        var kpi = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2019"); s.StatusCodeShouldBeOk(); }))
            .GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("actual").GetDecimal());
        Assert.Equal((2, 7_000_000_000m), (kpi["awards.total"], kpi["awards.japaneseWinsAmountJpy"]));
        var orders = ReadJson(await As("officer", s => { s.Get.Url("/api/reports/orders?from=2019&to=2019"); s.StatusCodeShouldBeOk(); }));
        Assert.Equal(7_000_000_000m, orders.GetProperty("totals").GetProperty("amountJpy").GetDecimal());

        // The refused event is on record for an operator: one dead letter per report projection, naming why (the
        // log line of the failure carries the message naming the award and its amount).
        await using var query = Store.QuerySession();
        var deadLetters = await query.Query<JasperFx.Events.Daemon.DeadLetterEvent>().ToListAsync();
        Assert.Equal(["FiscalYearActivity", "ProjectCalendarYearOrders", "ProjectYearActivity", "ProjectYearOrders"],
            deadLetters.Where(d => d.ExceptionType.Contains(nameof(ProjectCases.Projects.AmountOutOfBoundsException))).Select(d => d.ProjectionName).Order());
    }

    [Fact]
    public async Task the_largest_allowed_amounts_are_recorded_and_anything_finer_or_larger_is_named_in_a_400()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/awards", AwardBody(1_000_000_000_000_000_000m, 100_000_000_000_000m, "VND"), 201);

        var tooFine = (await project.Post("/awards", AwardBody(1.0001m, 0.001m, "USD"), 400)).GetProperty("errors");
        Assert.Contains("decimal places", tooFine.GetProperty("amount.value")[0].GetString());
        Assert.Contains("decimal places", tooFine.GetProperty("amountJpy")[0].GetString());

        var tender = await project.OpenTender();
        var onTender = await project.Post($"/tenders/{tender}/award", new
        {
            winner = "Nippon Koei", japaneseWinner = true, awardType = "Prime", scope = "Civil",
            amount = new { value = 1m, currency = "JPY" }, amountJpy = 100_000_000_000_000.01m, awardedOn = "2024-10-15",
        }, 400);
        Assert.Equal(["amountJpy"], onTender.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
    }

    [Fact]
    public async Task an_absurd_amount_at_stake_on_a_trouble_report_is_refused()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var report = JsonSerializer.SerializeToNode(TroubleApi.Report(projectId))!;
        report["amountAtStake"] = JsonSerializer.SerializeToNode(new { value = Absurd, currency = "USD" });
        var problem = await troubles.Send("hotline", "/api/troubles", report, 400);
        Assert.Contains("10^18", problem.GetProperty("errors").GetProperty("amountAtStake.value")[0].GetString());
    }
}
