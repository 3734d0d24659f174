using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Documents.Storage;

namespace ProjectCases.Documents;

public static class DocumentsSetup
{
    /// <summary>The store of the bytes (PostgreSQL), the limit from configuration, and the upload steps.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<IDocumentContentStore, PostgresDocumentContentStore>();
        services.AddSingleton<DocumentFiling>();
        return services;
    }

    /// <summary>The event (stable stored name), the inline list of documents, and the table of the bytes.</summary>
    public static void ConfigureDocuments(this StoreOptions opts)
    {
        opts.Events.MapEventType<DocumentAttached>("document_attached");
        opts.Projections.Add<DocumentInfoProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DocumentInfo>().Duplicate(d => d.StreamId);
        opts.Storage.ExtendedSchemaObjects.Add(PostgresDocumentContentStore.Schema());
    }
}
