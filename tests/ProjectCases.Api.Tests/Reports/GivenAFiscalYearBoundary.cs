using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>
/// A record with facts on both sides of the FY2024/FY2025 boundary (2025-03-31 / 2025-04-01, Tokyo time),
/// through the real API. FY2024 = 2024-04-01..2025-03-31.
/// </summary>
public sealed class GivenAFiscalYearBoundary(IAlbaHost host, TestClock clock)
{
    public ProjectApi India { get; private set; } = null!;   // Rail, South Asia
    public ProjectApi Vietnam { get; private set; } = null!; // Rail, Southeast Asia

    /// <summary>Every project here is MLIT's: a report scoped to MLIT sees all of this record, one scoped to MIC none of it.</summary>
    public static object MlitRail(string name, string country) => new
    {
        name, country, sector = "Rail", financing = "YenLoan", leadAgency = "MLIT", ministry = "MLIT", summary = "Urban and high-speed rail.",
    };

    public async Task Record()
    {
        India = new ProjectApi(host, await GivenProjects.Registered(host, MlitRail("Mumbai-Ahmedabad High Speed Rail", "IN")));
        Vietnam = new ProjectApi(host, await GivenProjects.Registered(host, MlitRail("Hanoi Metro Line 1", "VN")));
        var hcmc = await GivenProjects.Registered(host, MlitRail("Ho Chi Minh City Metro Line 2", "VN"));

        // One top-sales visit for three projects on the last day of FY2024: counted once.
        await India.Post("/touchpoints", ProjectApi.Touchpoint("TopSales", "2025-03-31", [Vietnam.Id, hcmc]), 201);
        await India.Post("/touchpoints", ProjectApi.Touchpoint("PolicyDialogue", "2025-04-01"), 201);      // FY2025
        await India.Post("/touchpoints", ProjectApi.Touchpoint("BilateralMeeting", "2024-04-01"), 201);    // FY2024, a policy dialogue
        await India.Post("/touchpoints", ProjectApi.Touchpoint("InternationalConference", "2024-03-31"), 201); // FY2023
        await Vietnam.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "2024-12-01"), 201);
        await Vietnam.Post("/touchpoints", ProjectApi.Touchpoint("Mission", "2024-07-01"), 201);
        await Vietnam.Post("/touchpoints", ProjectApi.Touchpoint("Invitation", "2025-01-15"), 201);

        await India.Post("/agreements", Agreement("MOU", "Political", "2024-04-01"), 201);
        await India.Post("/agreements", Agreement("MOC", "Administrative", "2025-03-31"), 201);
        await Vietnam.Post("/agreements", Agreement("LOI", "Administrative", "2025-04-01"), 201); // FY2025

        var study = (await India.Post("/studies", new { studyType = "FeasibilityStudy", startedOn = "2024-05-01" }, 201)).GetProperty("studyId").GetGuid();
        await India.Post($"/studies/{study}/complete", new { completedOn = "2025-04-02" }); // FY2025

        var civil = await India.OpenTender("Civil C-4", "2024-06-01", "2024-09-30");
        await India.Post($"/tenders/{civil}/bids", new { bidders = new[] { "Nippon Koei" }, submittedOn = "2024-07-01" });
        await India.Award(civil, japaneseWinner: true, awardedOn: "2025-03-31"); // ¥18bn (USD 120m), FY2024
        var signals = await India.OpenTender("Signals S-1", "2025-03-31", null); // opened FY2024, no bids on record
        await India.Post($"/tenders/{signals}/award", new
        {
            winner = "Hitachi", japaneseWinner = true, awardType = "Prime", scope = "Signals",
            amount = new { value = 50_000_000m, currency = "EUR" }, amountJpy = 8_000_000_000m, awardedOn = "2025-04-10",
        }); // FY2025, counted by its amountJpy
        await Vietnam.Post("/awards", new
        {
            package = "Depot", winner = "Local Builder JSC", japaneseWinner = false, awardType = "Prime", scope = "Civil", awardedOn = "2024-10-01",
        }, 201); // undisclosed amount: counted, not summed

        // Hotline cases reported one second either side of midnight in Tokyo.
        var troubles = new TroubleApi(host);
        clock.SetUtcNow(DateTimeOffset.Parse("2025-03-31T14:59:59Z")); // 23:59:59 JST → FY2024
        await troubles.Reported(India.Id);
        clock.SetUtcNow(DateTimeOffset.Parse("2025-03-31T15:00:00Z")); // 00:00:00 JST → FY2025
        var second = await troubles.Reported(India.Id);
        clock.SetUtcNow(DateTimeOffset.Parse("2025-03-31T21:00:00Z"));
        await troubles.Hotline(second, "triage", new { priority = "High" });
        clock.SetUtcNow(DateTimeOffset.Parse("2025-04-01T01:00:00Z"));
        await troubles.Hotline(second, "resolve", new { outcome = "Resolved", summary = "Paid after the embassy's intervention" });
    }

    private static object Agreement(string type, string level, string signedOn) =>
        new { agreementType = type, level, title = $"{type} on railway cooperation", parties = new[] { "MLIT", "Ministry of Railways" }, signedOn };
}
