using JasperFx.Events.Daemon;
using Marten;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Marten;

namespace ProjectCases.Api.Tests.Foundation;

public class DeadLetterReplay(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_projections_dead_letter_is_replayed_by_rebuilding_it_and_readiness_turns_green()
    {
        await GivenProjects.Registered(Host);
        await WaitForProjections();
        await using (var session = Store.LightweightSession())
        {
            session.Store(new DeadLetterEvent
            {
                Id = Guid.NewGuid(), ProjectionName = "FiscalYearActivity", ShardName = "All", EventSequence = 1,
                ExceptionType = "System.OverflowException", ExceptionMessage = "a bug since fixed", Timestamp = DateTimeOffset.UtcNow,
            });
            await session.SaveChangesAsync();
        }
        var red = await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(503); });
        Assert.Contains("FiscalYearActivity:All at sequence 1 (System.OverflowException)", red.ReadAsText());

        IReadOnlyList<string> done = [];
        await WhileProjectionsPaused(async daemon => done = await DeadLetters.ReplayAsync(Store, daemon, CancellationToken.None));

        Assert.Equal(["FiscalYearActivity: rebuilt (1 dead-lettered event(s))"], done);
        Assert.Empty(await DeadLetters.ListAsync(Store, CancellationToken.None));
        await WaitForProjections();
        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
    }
}
