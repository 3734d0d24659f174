using Npgsql;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Audit;

public class TamperEvidence(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<System.Text.Json.JsonElement> Verify(Guid id, string role = "auditor")
    {
        var result = await As(role, s => { s.Get.Url($"/api/projects/{id}/history/verify"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result);
    }

    [Fact]
    public async Task editing_an_events_data_in_postgresql_breaks_the_chain_at_that_version_only()
    {
        var edited = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await edited.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        await edited.Post("/status", new { status = "UnderStudy", reason = "F/S", effectiveOn = "2024-01-01" });
        var untouched = await GivenProjects.Registered(Host, GivenProjects.RailProject("Untouched"));
        await WaitForProjections(); // the seals are written after commit by the daemon

        Assert.True((await Verify(edited.Id)).GetProperty("valid").GetBoolean());
        Assert.Equal(3, (await Verify(edited.Id)).GetProperty("sealedThroughVersion").GetInt64());

        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                "update projectcases.mt_events set data = jsonb_set(data, '{counterpart}', '\"Someone else\"') where stream_id = @id and version = 2", connection);
            tamper.Parameters.AddWithValue("id", edited.Id);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var verdict = await Verify(edited.Id);
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("brokenAtVersion").GetInt64());
        Assert.True((await Verify(untouched)).GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("officer", 403)]
    [InlineData("hotline", 403)]
    [InlineData("company", 403)]
    [InlineData("admin", 200)]
    public async Task verification_is_for_auditors_and_admins(string role, int expected)
    {
        var id = await GivenProjects.Registered(Host);
        await As(role, s => { s.Get.Url($"/api/projects/{id}/history/verify"); s.StatusCodeShouldBe(expected); }, company: role == "company" ? "Acme" : null);
    }
}
