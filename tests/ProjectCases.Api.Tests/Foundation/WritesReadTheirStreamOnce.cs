using System.Collections.Concurrent;
using System.Diagnostics;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// A write fetches its write model for writing, and at commit the inline projections rewrite the stream's read model
/// (ProjectStatus, TroubleCase) from its stored state. Both reads go to PostgreSQL as one command, before the decision;
/// the projection then evolves the document already fetched instead of loading it again (one round trip fewer on
/// every write; docs/benchmarks, "Fifth look at issue 15"). Observed as the database commands of the request's own
/// trace, which Npgsql reports as activities with the statement text.
/// </summary>
public class WritesReadTheirStreamOnce(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_touchpoint_reads_the_project_write_model_and_its_status_in_one_command_and_the_status_still_follows()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));

        var (written, reads) = await CommandsOf(traceparent => project.Send($"/api/projects/{project.Id}/touchpoints",
            ProjectApi.Touchpoint(), 201, traceparent: traceparent));

        var read = Assert.Single(reads, text => text.Contains("from projectcases.mt_doc_projectstatus as d"));
        Assert.Contains("mt_doc_projectwritemodel", read);
        // The status evolved from the fetched document is the one stored and read back.
        var status = await project.Read();
        Assert.Equal(written.GetProperty("version").GetInt64(), status.GetProperty("version").GetInt64());
        Assert.Equal(1, status.GetProperty("touchpointCount").GetInt32());
    }

    [Fact]
    public async Task a_hotline_action_reads_the_case_write_model_and_the_case_in_one_command()
    {
        var troubles = new TroubleApi(Host);
        var id = await troubles.Reported(await troubles.AwardedProject());

        var (_, reads) = await CommandsOf(traceparent => troubles.Send("hotline", $"/api/troubles/{id}/assign",
            new { officer = "hotline.yamada" }, 200, traceparent: traceparent));

        var read = Assert.Single(reads, text => text.Contains("from projectcases.mt_doc_troublecase as d"));
        Assert.Contains("mt_doc_troublewritemodel", read);
        var (_, trouble) = await troubles.Get("hotline", $"/api/troubles/{id}");
        Assert.Equal("hotline.yamada", trouble.GetProperty("assignee").GetString());
    }

    /// <summary>The statement texts (a batch's joined by newlines) of every database command run for one request, found by the trace it was sent with.</summary>
    private static async Task<(T Result, IReadOnlyList<string> Commands)> CommandsOf<T>(Func<string, Task<T>> send)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != traceId) return;
                commands.Enqueue((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? "");
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await send($"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.NotEmpty(commands); // the request's commands were seen at all
        return (result, [.. commands]);
    }
}
