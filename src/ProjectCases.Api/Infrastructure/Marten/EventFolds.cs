using JasperFx.Events.Projections;

namespace ProjectCases.Infrastructure.Marten;

/// <summary>
/// The events a single-stream fold reads and what each one does to the document, as one table. The
/// projection declares its event allow-list from the same table (<see cref="IncludeIn"/>), so an event
/// cannot be folded here yet missing from the list, where Marten would never hand it over and the
/// document would silently stop following its stream.
/// </summary>
public sealed class EventFolds<TDoc>
{
    private readonly Dictionary<Type, Action<TDoc, object>> _folds = [];

    public EventFolds<TDoc> On<TEvent>(Action<TEvent, TDoc> fold)
    {
        _folds.Add(typeof(TEvent), (doc, e) => fold((TEvent)e, doc));
        return this;
    }

    /// <summary>Folds one event into the document; an event without an entry leaves it as it is.</summary>
    public void Apply(TDoc doc, object e)
    {
        if (_folds.TryGetValue(e.GetType(), out var fold)) fold(doc, e);
    }

    /// <summary>
    /// Limits the projection to these events (plus <paramref name="startedBy"/>). Without an allow-list a
    /// catch-all Evolve "applies to every stream", and each write would load the projection's document for
    /// every stream it touches (docs/benchmarks).
    /// </summary>
    public void IncludeIn(IEventFilterable projection, params Type[] startedBy)
    {
        foreach (var type in EventTypes(startedBy)) projection.IncludeType(type);
    }

    /// <summary>Every event this fold reads (plus <paramref name="startedBy"/>): all the events its stream type holds,
    /// which a write model of the same streams includes too, so that both versions follow the stream.</summary>
    public IReadOnlyList<Type> EventTypes(params Type[] startedBy) => [.. _folds.Keys.Concat(startedBy).Distinct()];
}
