using Microsoft.Extensions.Options;

namespace ProjectCases.Troubles.ServiceLevels;

/// <summary>The due times a case gets when it is reported, triaged or reopened, under the targets in force.</summary>
public sealed class ServiceLevelClock(IOptions<ServiceLevelOptions> options)
{
    private readonly BusinessCalendar _calendar = new(options.Value.Holidays);

    public ServiceDues Dues(DateTimeOffset reportedAt, Priority priority)
    {
        var target = options.Value.For(priority);
        return new ServiceDues(_calendar.Add(reportedAt, target.FirstResponse), _calendar.Add(reportedAt, target.Resolution));
    }

    public DateTimeOffset ResolutionDue(DateTimeOffset from, Priority priority) => _calendar.Add(from, options.Value.For(priority).Resolution);
}
