namespace ProjectCases.Infrastructure.Http;

/// <summary>The first response to a write sent with an Idempotency-Key, kept to answer repeats.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>"{user}:{key}": keys are scoped to the user who sent them.</summary>
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
