using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using ProjectCases.Infrastructure;

namespace ProjectCases.Organisations;

/// <summary>
/// The organisations the source documents name (SampleData/organisations.json), loaded by `seed-sample` beside the
/// projects: each stream's id is derived from its key, so loading twice records nothing new; a name already on
/// record (registered by hand) is left alone, as the duplicate check on create would.
/// </summary>
public static class SampleOrganisations
{
    private static readonly Guid Namespace = new("8f5e2b1a-3c4d-4e6f-9a0b-1c2d3e4f5a6b");

    public static Guid Id(string key) => NameBasedGuid.Create(Namespace, $"organisation:{key}");

    public static async Task<int> LoadAsync(IDocumentStore store, string path, string recordedBy, CancellationToken ct)
    {
        if (!File.Exists(path)) return 0;
        var file = JsonSerializer.Deserialize<SampleOrganisationFile>(await File.ReadAllTextAsync(path, ct), Json)!;
        var loaded = 0;
        foreach (var sample in file.Organisations)
        {
            var id = Id(sample.Key);
            await using var session = store.LightweightSession();
            session.LastModifiedBy = recordedBy;
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) continue;
            if (await OrganisationReferences.DuplicateAsync(session, sample.Name, sample.NameJa, except: null, ct) is not null) continue;
            session.Events.StartStream<Organisation>(id, new OrganisationRegistered(id, sample.Name, sample.NameJa, sample.Kind, sample.Country, []));
            await session.SaveChangesAsync(ct);
            loaded++;
        }
        return loaded;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record SampleOrganisationFile(IReadOnlyList<SampleOrganisation> Organisations);

    private sealed record SampleOrganisation(string Key, string Name, string? NameJa, OrganisationKind Kind, string Country, string Source);
}
