using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Projects.Status;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>
/// GET /api/projects/{id} streams the stored project with the other streams' facts merged in by PostgreSQL
/// (issue 15 item 4). `?asOf=` a date after every event answers the project as it stands through the
/// object path (load, add the open troubles, follow-ups and risks, serialise): both must say the same.
/// </summary>
public class StreamedProjectRead(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Troubles => new(Host);

    /// <summary>The streamed body and its ETag, and the same project read through the object path.</summary>
    private async Task<(JsonElement Streamed, string ETag, JsonElement Composed)> BothReads(ProjectApi project)
    {
        var result = await As("auditor", s => { s.Get.Url($"/api/projects/{project.Id}"); s.StatusCodeShouldBeOk(); });
        Assert.StartsWith("application/json", result.Context.Response.ContentType);
        return (ReadJson(result), result.Context.Response.Headers.ETag.ToString(), await project.Read("?asOf=9999-12-31"));
    }

    private static void SameBody(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"streamed:\n{actual}\n\nobject path:\n{expected}");

    [Fact]
    public async Task a_trouble_report_a_follow_up_and_a_risk_link_show_on_the_streamed_project_as_on_the_object_path()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Phnom Penh Urban Rail", "KH")));
        await project.Award(await project.OpenTender());
        var trouble = await Troubles.Reported(project.Id);
        await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
        var risk = (await Troubles.Send("officer", "/api/country-risks", new
        {
            country = "KH", kind = "SovereignDefault", observedOn = "2026-04-12", summary = "The government suspended payments on its external debt.",
            severity = "Crisis", projectIds = (Guid[]?)null,
        }, 201)).GetProperty("id").GetGuid();
        // Linking runs on the daemon after commit, and the follow-up rules after the links.
        await WaitForProjections();
        await WaitForProjections();

        var (streamed, etag, composed) = await BothReads(project);
        SameBody(composed, streamed);
        Assert.Equal($"\"{streamed.GetProperty("version").GetInt64()}\"", etag);
        Assert.Equal(1, streamed.GetProperty("openTroubleCount").GetInt32());
        var (_, openTasks) = await Troubles.Get("officer", $"/api/follow-ups?projectId={project.Id}&status=Open&pageSize=100");
        var dueDates = openTasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("dueOn").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(dueDates);
        Assert.Equal(dueDates.Count, streamed.GetProperty("openFollowUpCount").GetInt32());
        Assert.Equal(dueDates[0], streamed.GetProperty("nextFollowUpDueOn").GetString());
        var openRisk = Assert.Single(streamed.GetProperty("openRisks").EnumerateArray());
        Assert.Equal((risk, "Crisis"), (openRisk.GetProperty("riskId").GetGuid(), openRisk.GetProperty("severity").GetString()));

        // The risk eases: the open risk shows its current severity, the link keeps the one it was linked at.
        await Troubles.Send("officer", $"/api/country-risks/{risk}/updates",
            new { observedOn = "2026-05-01", summary = "Talks with creditors resumed.", severity = "Watch" }, 200);
        // The case is closed: it no longer counts.
        await Troubles.Hotline(trouble, "resolve", new { outcome = "Resolved", summary = "Paid" });
        await Troubles.Hotline(trouble, "close");
        await WaitForProjections();

        (streamed, etag, composed) = await BothReads(project);
        SameBody(composed, streamed);
        Assert.Equal(0, streamed.GetProperty("openTroubleCount").GetInt32());
        Assert.Equal("Watch", Assert.Single(streamed.GetProperty("openRisks").EnumerateArray()).GetProperty("severity").GetString());
        Assert.Equal("Crisis", Assert.Single(streamed.GetProperty("risks").EnumerateArray()).GetProperty("severity").GetString());

        // Decided, the open risk shows the decision; then the risk closes: no open risk is left on the project.
        await project.Post("/risk-decisions", new
        {
            riskId = risk, decision = "Continue", reason = "Partner's intent confirmed.", decidedOn = "2026-05-02", decidedBy = "Minister", reviewOn = "2026-10-01",
        }, 201);
        (streamed, _, composed) = await BothReads(project);
        SameBody(composed, streamed);
        Assert.Equal("Continue", Assert.Single(streamed.GetProperty("openRisks").EnumerateArray()).GetProperty("decision").GetString());
        await Troubles.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Debt restructured." }, 200);
        (streamed, _, composed) = await BothReads(project);
        SameBody(composed, streamed);
        Assert.Empty(streamed.GetProperty("openRisks").EnumerateArray());
    }

    [Fact]
    public async Task a_project_with_nothing_open_streams_zero_counts_no_due_date_and_no_open_risks()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Quiet Line", "TH")));

        var (streamed, etag, composed) = await BothReads(project);

        SameBody(composed, streamed);
        Assert.Equal("\"1\"", etag);
        Assert.Equal((0, 0, JsonValueKind.Null, 0), (streamed.GetProperty("openTroubleCount").GetInt32(), streamed.GetProperty("openFollowUpCount").GetInt32(),
            streamed.GetProperty("nextFollowUpDueOn").ValueKind, streamed.GetProperty("openRisks").GetArrayLength()));
    }

    [Fact]
    public async Task the_stored_project_leaves_out_the_per_read_fields_and_an_older_stored_project_is_cleaned_at_startup()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Old Line", "LA")));
        var table = Store.Options.FindOrResolveDocumentType(typeof(ProjectCases.Projects.Status.ProjectStatus)).TableName.QualifiedName;
        Assert.Equal(0, await Count($"select count(*) from {table} where id = $1 and data ?| array['openTroubleCount', 'openFollowUpCount', 'nextFollowUpDueOn', 'openRisks']", project.Id));

        // As an earlier version stored it: with the per-read fields and their stale defaults.
        await Count($$"""update {{table}} set data = data || '{"openTroubleCount": 0, "openFollowUpCount": 0, "nextFollowUpDueOn": null, "openRisks": []}' where id = $1 returning 1""", project.Id);
        await ActivatorUtilities.CreateInstance<ProjectCases.Projects.Status.StoredProjectsWithoutReadTimeFields>(Host.Services).StartAsync(default);

        var result = await As("officer", s => { s.Get.Url($"/api/projects/{project.Id}"); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(result.ReadAsText());
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count()); // no key twice
        Assert.Contains("openTroubleCount", names);
        SameBody(await project.Read("?asOf=9999-12-31"), body.RootElement);
    }

    private async Task<long> Count(string sql, Guid id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Why the read has a pool of its own (KeyedReads): there PostgreSQL reuses one generic plan for the statement; on the
    /// main pool, where custom plans are forced for Marten's range queries, it would plan the four tables on every call.
    /// </summary>
    [Fact]
    public async Task the_streamed_read_reuses_one_plan_where_the_main_pool_would_plan_every_call()
    {
        var project = await GivenProjects.Registered(Host, GivenProjects.RailProject("Manila Subway", "PH"));
        var sql = StoredProjectJson.SqlFor(Store);

        var keyed = await PlansAfterTenReads(await Host.Services.GetRequiredService<KeyedReads>().OpenConnectionAsync(default), sql, project);
        var main = await PlansAfterTenReads(new NpgsqlConnection(DatabaseConnection.WithStatementPreparation(Fixture.ConnectionString)), sql, project);

        Assert.True(keyed is { Generic: > 0, Custom: 0 }, $"keyed reads: {keyed}");
        Assert.True(main is { Generic: 0, Custom: > 0 }, $"main pool: {main}");
    }

    private static async Task<(long Generic, long Custom)> PlansAfterTenReads(NpgsqlConnection connection, string sql, Guid id)
    {
        await using (connection)
        {
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            for (var read = 0; read < 10; read++)
            {
                await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
            }
            // Npgsql prepares a statement on its fifth use (Auto Prepare Min Usages); PostgreSQL counts each plan it makes.
            await using var plans = new NpgsqlCommand("select generic_plans, custom_plans from pg_prepared_statements where statement = $1", connection)
                { Parameters = { new() { Value = sql } } };
            await using var row = await plans.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync(), "the statement was not prepared");
            return (row.GetInt64(0), row.GetInt64(1));
        }
    }

    [Fact]
    public async Task an_unknown_project_is_a_404_problem_document()
    {
        var result = await As("officer", s => { s.Get.Url($"/api/projects/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
    }
}
