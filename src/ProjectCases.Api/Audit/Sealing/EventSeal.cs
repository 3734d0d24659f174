namespace ProjectCases.Audit.Sealing;

/// <summary>The chained hash of one event (Id = the event's global sequence).</summary>
public sealed class EventSeal
{
    public long Id { get; set; }
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The last sealed event of a stream: where its chain continues.</summary>
public sealed class StreamSealHead
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Hash { get; set; } = "";
}
