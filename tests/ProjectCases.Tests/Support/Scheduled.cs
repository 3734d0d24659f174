using Wolverine;

namespace ProjectCases.Tests.Support;

/// <summary>Reads a decision's outgoing message back as (message, delivery time), for asserting timers.</summary>
public static class Scheduled
{
    public static (T Message, DateTimeOffset? At) As<T>(object outgoing)
    {
        var delivery = Assert.IsAssignableFrom<DeliveryMessage<T>>(outgoing);
        return (delivery.Message, delivery.Options.ScheduledTime);
    }
}
