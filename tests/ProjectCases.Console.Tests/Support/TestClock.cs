namespace ProjectCases.Console.Tests.Support;

/// <summary>
/// The application's clock in tests: set to now before each test, moved forward by tests that reach a
/// deadline. (FakeTimeProvider cannot move back, and the shared host outlives every test.)
/// Timers stay real: only "what time is it" is faked.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset now) => _now = now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}
