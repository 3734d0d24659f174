using JasperFx.CodeGeneration;
using Wolverine;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Errors;
using Wolverine.Http;
using Wolverine.Http.Validation;

namespace ProjectCases.Infrastructure.Wolverine;

public static class WolverineSetup
{
    /// <summary>
    /// Command handling with Marten: transactions applied automatically, durable inbox/outbox and
    /// local queues on PostgreSQL (scheduled messages survive restarts), and the acting user relayed
    /// to Marten as the events' user name.
    /// </summary>
    public static WebApplicationBuilder AddProjectCasesWolverine(this WebApplicationBuilder builder, params Action<WolverineOptions>[] features)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.EnableRelayOfUserName = true;
            // Retries of races and outages for every durable message (checks, reminders, notifications), not handler by handler.
            opts.Policies.Add<DurableMessageFailures.Policy>();
            // Handler and endpoint code is pre-generated into Internal/Generated and compiled with the project:
            // no Roslyn at run time (about 170 MB less memory, docs/benchmarks). After changing a handler,
            // an endpoint or a policy run `dotnet run --project src/ProjectCases.Api -- codegen write`;
            // the test GeneratedCodeIsCurrent fails while the checked-in code is stale.
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            foreach (var feature in features) feature(opts);
        });
        builder.Services.AddWolverineHttp();
        // The in-process seam of the writes (the web console): the same decisions without HTTP.
        builder.Services.AddScoped<InProcessWrites>();
        // After AddWolverineHttp, to replace its default: camelCase field names and a sentence in `detail`.
        builder.Services.AddSingleton(typeof(IProblemDetailSource<>), typeof(FieldErrorsProblemSource<>));
        return builder;
    }

    public static WebApplication MapProjectCasesEndpoints(this WebApplication app)
    {
        app.MapWolverineEndpoints(opts =>
        {
            opts.UseDataAnnotationsValidationProblemDetailMiddleware();
            WriteModels.AddPreconditions(opts);
            opts.AddPolicy<ReadModelsBesideWrites>();
        });
        return app;
    }
}
