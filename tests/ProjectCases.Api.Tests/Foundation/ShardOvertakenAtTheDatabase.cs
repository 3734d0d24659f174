using System.Diagnostics;
using Npgsql;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// A shard whose stored position is ahead of the one it holds in memory (made so here by moving the stored position one
/// event on), as after a commit whose answer was lost (PostgreSQL restarted while the shard committed a page): Marten
/// refuses its next page ("progression out of order", the guard against two runners) and stops it. On a single node it
/// must start again from the stored position (OvertakenShardRestarts), not stay stopped: without that, this test
/// fails after 30 s, and the cluster test once saw the follow-up rules stopped so for the rest of its run (2026-12-01).
/// </summary>
public class ShardOvertakenAtTheDatabase(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Shard = "FollowUpRules:All";

    [Fact]
    public async Task a_shard_whose_stored_position_moved_on_under_it_starts_again_from_there()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        await WaitForProjections();

        var progression = $"{Store.Options.Events.DatabaseSchemaName}.mt_event_progression";
        Assert.Equal(1, await Execute($"update {progression} set last_seq_id = last_seq_id + 1 where name = '{Shard}'"));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);

        var last = await Scalar($"select max(seq_id) from {Store.Options.Events.DatabaseSchemaName}.mt_events");
        var waited = Stopwatch.StartNew();
        while (await Scalar($"select last_seq_id from {progression} where name = '{Shard}'") < last && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(200);
        Assert.True(await Scalar($"select last_seq_id from {progression} where name = '{Shard}'") >= last,
            $"{Shard} stayed behind the last event ({last}) for {waited.Elapsed.TotalSeconds:0} s");
    }

    private async Task<int> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
