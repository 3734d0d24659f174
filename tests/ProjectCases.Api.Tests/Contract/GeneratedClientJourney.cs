using System.Net.Http.Headers;
using ProjectCases.Api.Tests.Contract.Client;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Api.Tests.Contract;

/// <summary>
/// A client generated at build time from docs/openapi.json (NSwag, see the test project file) drives a real journey,
/// as a downstream team's client would: if the contract and the service part ways, this build or this test fails.
/// </summary>
public sealed class GeneratedClientJourney(ApiFixture fixture) : ApiTest(fixture)
{
    private ProjectCasesClient As(string role, string? company = null)
    {
        var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, company));
        return new ProjectCasesClient(http);
    }

    /// <summary>A refusal's problem document in the failure message, so that a broken step says why.</summary>
    private static async Task<T> Explained<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (ApiException<ProblemDetails> e)
        {
            throw new Xunit.Sdk.XunitException($"{e.StatusCode} {e.Result.Detail} {string.Join("; ", (e.Result.Errors ?? new Dictionary<string, List<string>>()).Select(p => $"{p.Key}: {string.Join(", ", p.Value)}"))}");
        }
    }

    [Fact]
    public async Task a_generated_client_registers_logs_awards_reports_a_case_pages_the_feed_and_reads_the_kpi_report()
    {
        var officer = As(Roles.Officer);
        var registered = await officer.RegisterProjectAsync(new RegisterProject
        {
            Name = "Ho Chi Minh City Metro Line 2", Country = "VN", Sector = Sector.Rail, Financing = Financing.YenLoan,
        });
        Assert.NotEqual(Guid.Empty, registered.Id);

        var logged = await Explained(() => officer.LogTouchpointAsync(registered.Id, new LogTouchpoint
        {
            Kind = TouchpointKind.TopSales, OccurredOn = "2024-05-10", JapanLevel = JapanLevel.Minister, // a business date: a day, a month or FY2024
            Counterpart = "Minister of Transport", Summary = "Presented Japanese rolling stock.",
        }, idempotency_Key: "journey-touchpoint-1"));
        Assert.Equal(registered.Id, logged.Id);
        Assert.NotEqual(Guid.Empty, logged.TouchpointId);

        var awarded = await officer.RecordAwardAsync(registered.Id, new RecordAward
        {
            Package = "Rolling stock", JapaneseWinner = true, AwardType = AwardType.PriorityNegotiation, Scope = AwardScope.RollingStock,
            AwardedOn = "2024-12",
        }, if_Match: $"\"{logged.Version}\"");
        Assert.Equal(logged.Version + 1, awarded.Version);

        var company = As(Roles.Company, "Kawasaki Rail");
        var reported = await Explained(() => company.ReportTroubleAsync(new ReportTrouble
        {
            ProjectId = registered.Id, Category = TroubleCategory.UnpaidFees, Summary = "Bogies held at customs",
            Details = "Held at the port for three weeks.", OccurredOn = new DateOnly(2025, 1, 6),
            Reporter = new ReporterInput { Company = "Kawasaki Rail", CompanyType = CompanyType.Contractor, ContactName = "Sato Hanako", Email = "sato@example.co.jp" },
        }));
        Assert.NotEqual(Guid.Empty, reported.Id);

        await WaitForProjections();
        var auditor = As(Roles.Auditor);
        var seen = new List<(Guid StreamId, string Type)>();
        long after = 0;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await auditor.EventFeedAsync(after, limit: 2);
            if (page.Items.Count == 0) break;
            seen.AddRange(page.Items.Select(e => (e.StreamId, e.Type)));
            after = page.Next;
        }
        Assert.Contains(seen, e => e.StreamId == registered.Id && e.Type == "project_registered");
        Assert.Contains(seen, e => e.StreamId == reported.Id && e.Type == "trouble_reported");

        // Unscoped: the report answers "ministry": null and "sector": null, which the client must read.
        var kpi = await auditor.GetKpiReportAsync(2024);
        Assert.Null(kpi.Ministry);
        Assert.Null(kpi.Sector);
        Assert.Equal(2024, kpi.FiscalYear);
        Assert.NotEmpty(kpi.Indicators);
        var scoped = await auditor.GetKpiReportAsync(2024, ministry: Ministry.MLIT, sector: Sector.Rail); // the enums bodies use, not copies
        Assert.Equal(Ministry.MLIT, scoped.Ministry);
        Assert.Equal(Sector.Rail, scoped.Sector);

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => auditor.EventFeedAsync(limit: 0));
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("limit", refused.Result.Errors.Keys);
    }
}
