namespace ProjectCases.Infrastructure.Decisions;

/// <summary>
/// What a command decides against the current state: the events to append, or a refusal that says
/// why in words a user understands. Pure data, so decisions are unit-tested without a database.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);

    /// <summary>409: the command conflicts with the current state (illegal transition, duplicate).</summary>
    public static Decision Conflict(string detail) => new([], new Refusal(409, "Conflicts with the current state", detail));

    /// <summary>422: well-formed, but breaks a domain rule.</summary>
    public static Decision Unprocessable(string detail) => new([], new Refusal(422, "Breaks a domain rule", detail));

    /// <summary>404: something the command names does not exist.</summary>
    public static Decision NotFound(string detail) => new([], new Refusal(404, "Not found", detail));

    public bool IsAccepted => Refusal is null;
}

public sealed record Refusal(int Status, string Title, string Detail);
