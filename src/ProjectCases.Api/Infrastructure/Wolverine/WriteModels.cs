using System.Reflection;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.Wolverine;

/// <summary>Finds the write models (IWriteModel) and puts their preconditions on every endpoint that writes through them.</summary>
public static class WriteModels
{
    public static readonly IReadOnlyList<Type> All = [.. typeof(WriteModels).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWriteModel<>)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static void AddPreconditions(WolverineHttpOptions opts)
    {
        foreach (var model in All)
            opts.AddMiddleware(typeof(WritePreconditions<>).MakeGenericType(model), chain => WritesTo(chain, model));
    }

    public static bool WritesTo(HttpChain chain, Type model) => chain.Method.Method.GetParameters()
        .Any(p => p.ParameterType == model && p.GetCustomAttribute<WriteAggregateAttribute>() is not null);
}
