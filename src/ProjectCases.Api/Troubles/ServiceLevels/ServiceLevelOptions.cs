namespace ProjectCases.Troubles.ServiceLevels;

/// <summary>
/// Hotline service-level targets per priority (configuration section `Hotline:ServiceLevels`).
/// A target is clock hours ("4h") or Tokyo business days ("5bd"). The source documents set no service
/// levels; these defaults are ours (docs/hotline.md). Untriaged cases count as Medium.
/// </summary>
public sealed class ServiceLevelOptions
{
    public const string Section = "Hotline:ServiceLevels";

    public ServiceTarget Critical { get; set; } = new() { FirstResponse = "4h", Resolution = "5bd" };
    public ServiceTarget High { get; set; } = new() { FirstResponse = "1bd", Resolution = "15bd" };
    public ServiceTarget Medium { get; set; } = new() { FirstResponse = "2bd", Resolution = "30bd" };
    public ServiceTarget Low { get; set; } = new() { FirstResponse = "5bd", Resolution = "60bd" };

    /// <summary>Days the hotline is closed besides weekends (Japanese public holidays, year-end closure).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    public ServiceTarget For(Priority priority) => priority switch
    {
        Priority.Critical => Critical,
        Priority.High => High,
        Priority.Medium => Medium,
        _ => Low,
    };
}

public sealed class ServiceTarget
{
    public string FirstResponse { get; set; } = "2bd";
    public string Resolution { get; set; } = "30bd";
}
