using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// An inline projection that folds through an Evolve override without naming its event types gets every event of
/// every write: Marten then loads its document for each stream written (a touchpoint loaded an organisation, an
/// organisation write model and a contact, three round trips for nothing; docs/benchmarks). Each must say what it folds.
/// </summary>
public class InlineProjectionsDeclareTheirEvents(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void every_inline_projection_names_the_events_it_folds()
    {
        var inline = ((DocumentStore)Store).Options.Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).ToList();
        Assert.True(inline.Count >= 10, $"expected the application's inline projections, found {inline.Count}");

        // Multi-stream projections are exempt: their Identity<T> rules already decide which events reach them.
        var foldingEverything = inline.OfType<EventFilterable>().Where(p => p.IncludedEventTypes.Count == 0 && !IsMultiStream(p.GetType()))
            .Select(p => p.GetType().Name).ToList();
        Assert.True(foldingEverything.Count == 0, $"These inline projections receive every event: {string.Join(", ", foldingEverything)}. Add IncludeType<T>() for the events they fold.");
    }

    private static bool IsMultiStream(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Marten.Events.Projections.MultiStreamProjection<,>)) return true;
        return false;
    }
}
