namespace ProjectCases.Infrastructure.Decisions;

/// <summary>
/// What a command decides against the current state: the events to append and the messages to send or
/// schedule with them (timers), or a refusal that says why in words a user understands. Pure data, so
/// decisions and their side effects are unit-tested without a database.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    /// <summary>Outgoing messages, sent in the same transaction as the events (Wolverine's outbox); e.g. a
    /// deadline check scheduled with <c>new CheckResolution(...).ScheduledAt(due)</c>.</summary>
    public IReadOnlyList<object> Messages { get; init; } = [];

    public static Decision Accept(params object[] events) => new(events, null);

    /// <summary>409: the command conflicts with the current state (illegal transition, duplicate).</summary>
    public static Decision Conflict(string detail) => new([], new Refusal(409, "Conflicts with the current state", detail));

    /// <summary>422: well-formed, but breaks a domain rule.</summary>
    public static Decision Unprocessable(string detail) => new([], new Refusal(422, "Breaks a domain rule", detail));

    /// <summary>404: something the command names does not exist.</summary>
    public static Decision NotFound(string detail) => new([], new Refusal(404, "Not found", detail));

    /// <summary>Adds messages to an accepted decision; a refusal sends nothing.</summary>
    public Decision With(params object[] messages) => IsAccepted ? this with { Messages = [.. Messages, .. messages] } : this;

    public bool IsAccepted => Refusal is null;
}

public sealed record Refusal(int Status, string Title, string Detail)
{
    public Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem() => new() { Status = Status, Title = Title, Detail = Detail };
}

public static class DecisionEffects
{
    /// <summary>What a message handler on the aggregate workflow returns for an accepted decision: its events and messages.</summary>
    public static (global::Wolverine.Marten.Events, global::Wolverine.OutgoingMessages) AsSideEffects(this Decision decision) =>
        ([.. decision.Events], [.. decision.Messages]);
}
