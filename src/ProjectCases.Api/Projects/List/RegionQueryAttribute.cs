using ProjectCases.Infrastructure.OpenApi;

namespace ProjectCases.Projects.List;

/// <summary>`region`: one of <see cref="Countries.Regions"/> (case-insensitive), listed in the document from the same table the filter reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RegionQueryAttribute : Attribute, IDeclaresQuery
{
    public IEnumerable<QuerySpec> Parameters =>
        [new("region", typeof(string), "Only projects whose primary country is in this region (case-insensitive).", AllowedValues: Countries.Regions)];
}
