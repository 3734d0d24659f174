namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// What became of a write sent with an Idempotency-Key. Written first in the same transaction as the
/// request's events (Committed: the write happened), then completed with the response to replay it.
/// A refusal that wrote nothing is stored completed straight away.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>"{user}:{key}": keys are scoped to the user who sent them.</summary>
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    /// <summary>The request's changes were committed (set in their own transaction, so exactly when they were).</summary>
    public bool Committed { get; set; }
    public DateTimeOffset? CommittedAt { get; set; }
    /// <summary>The streams the committed write appended to.</summary>
    public Guid[] Streams { get; set; } = [];
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
