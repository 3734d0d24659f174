using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using Xunit.Abstractions;

namespace ProjectCases.Api.Tests.Export;

/// <summary>
/// A measurement, not a timed assertion: a project list of <see cref="Rows"/> rows exported as CSV and as a workbook on a host
/// with the production batch size, printed for docs/api.md ("Exports"). It does assert that every row arrives.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LargeExport(ApiFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 20_000;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiFixture.StartHost(await fixture.CreateDatabase("large_export"), TimeProvider.System,
            ("Export:BatchSize", ListExport.DefaultBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task twenty_thousand_projects_export_whole_as_csv_and_as_a_workbook()
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(ProjectStatus));
        await store.BulkInsertDocumentsAsync(Enumerable.Range(0, Rows).Select(i => new ProjectStatus
        {
            Id = Guid.CreateVersion7(), Version = 1, Name = $"Project {i:D5}", NameJa = $"案件 {i:D5}", Country = "VN", Countries = ["VN"],
            Region = "Southeast Asia", Sector = Sector.Rail, Financing = Financing.YenLoan, Ministry = Ministry.MLIT,
        }));

        var reading = Stopwatch.StartNew();
        await using (var session = store.QuerySession())
            for (var page = 1; page <= Rows / ListExport.DefaultBatchSize; page++)
                await ProjectCases.Projects.List.ListProjectsEndpoint.QueryAsync(session, new(), page, ListExport.DefaultBatchSize, default);
        output.WriteLine($"reading alone: {reading.ElapsedMilliseconds} ms");

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var clock = Stopwatch.StartNew();
            var result = await _host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor("officer")}");
                s.Get.Url($"/api/projects?format={format}");
                s.StatusCodeShouldBeOk();
            });
            using var body = new MemoryStream();
            await result.Context.Response.Body.CopyToAsync(body);
            clock.Stop();

            var rows = format == "csv" ? ListExports.CsvRows(body.ToArray()).Rows : ListExports.XlsxRows(body.ToArray()).Rows;
            Assert.Equal(Rows, rows.Count);
            Assert.Equal("案件 19999", rows[^1]["nameJa"]);
            output.WriteLine($"{format}: {Rows} rows, {body.Length / 1024} KiB in {clock.ElapsedMilliseconds} ms");
        }
    }
}
