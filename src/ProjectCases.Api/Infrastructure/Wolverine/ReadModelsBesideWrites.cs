using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using ProjectCases.Infrastructure.Decisions;
using Wolverine.Attributes;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Persistence.EventSourcing;

namespace ProjectCases.Infrastructure.Wolverine;

/// <summary>
/// Every endpoint that writes through a write model also fetches that stream's inline read models
/// (<see cref="IWriteModel{TSelf}.ReadModelsBeside"/>) by the route's {id}, the id the aggregate workflow fetches by. Wolverine sends those fetches and the
/// aggregate workflow's FetchForWriting as one Marten batch, and Marten keeps the fetched read models in the
/// session's identity map (UseIdentityMapForAggregates), where the inline projections find them at commit: a write
/// costs one round trip to read instead of one per document (docs/benchmarks, "Fifth look at issue 15").
/// </summary>
public sealed class ReadModelsBesideWrites : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        foreach (var model in WriteModels.All.Where(model => WriteModels.WritesTo(chain, model)))
        foreach (var readModel in Beside(model))
        {
            if (!chain.TryFindVariable("id", ValueSource.RouteValue, typeof(Guid), out var id)) continue; // every write endpoint has one today
            chain.Middleware.Add(rules.FindEventSourcingFrameProvider(container, readModel).BuildFetchLatestFrame(readModel, id));
        }
    }

    private static IReadOnlyList<Type> Beside(Type model) =>
        (IReadOnlyList<Type>)typeof(ReadModelsBesideWrites).GetMethod(nameof(Of), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(model).Invoke(null, null)!;

    private static IReadOnlyList<Type> Of<TModel>() where TModel : class, IWriteModel<TModel> => TModel.ReadModelsBeside;
}
