using Marten;

namespace ProjectCases.Imports;

public static class ImportsSetup
{
    /// <summary>The ledger of imported rows (<see cref="ImportedRow"/>).</summary>
    public static void ConfigureImports(this StoreOptions opts) => opts.Schema.For<ImportedRow>();

    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddScoped<ImportRunner>();
        services.AddMemoryCache(); // the console holds a checked file until it is recorded
        return services;
    }
}
