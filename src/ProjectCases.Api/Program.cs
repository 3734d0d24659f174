using JasperFx;
using ProjectCases.Audit;
using ProjectCases.CountryRisks;
using ProjectCases.Documents;
using ProjectCases.Engagements;
using ProjectCases.FollowUps;
using ProjectCases.Imports;
using ProjectCases.Infrastructure;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Cluster;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Health;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Infrastructure.OpenApi;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Infrastructure.Telemetry;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Infrastructure.Wolverine;
using ProjectCases.Notifications;
using ProjectCases.Organisations;
using ProjectCases.Projects;
using ProjectCases.Projects.SampleData;
using ProjectCases.Reports;
using ProjectCases.Search;
using ProjectCases.Troubles;
using ProjectCases.WebConsole;

if (args.FirstOrDefault() == "dev-token") DevTokenCommand.KeepStandardOutputForTheToken();
SeedSampleCommand.TurnOffLoadingOnEmptyDatabase(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = HostEnvironments.Default(args) });

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no "Server: Kestrel" for fingerprinting
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.ApplyHttpRules(options.SerializerOptions));
builder.Services.AddProjectCasesProblemDetails();
builder.Services.AddProjectCasesAuth(builder.Configuration, builder.Environment);
builder.Services.AddProjectCasesRateLimits(builder.Configuration);
builder.Services.AddProjectCasesHealth();
builder.Services.AddProjectCasesOpenApi();
builder.AddProjectCasesTelemetry();
var cluster = builder.AddProjectCasesCluster();

builder.Services.AddProjectCasesMarten(
    opts => opts.ConfigureProjects(),
    opts => opts.ConfigureTroubles(),
    opts => opts.ConfigureFollowUps(),
    opts => opts.ConfigureReports(),
    opts => opts.ConfigureSearch(),
    opts => opts.ConfigureCountryRisks(),
    opts => opts.ConfigureOrganisations(),
    opts => opts.ConfigureEngagements(),
    opts => opts.ConfigureNotifications(),
    opts => opts.ConfigureDocuments(),
    opts => opts.ConfigureImports(),
    opts => opts.Schema.For<IdempotencyRecord>())
    .RunAsyncProjections(cluster)
    .AddAuditSealing()
    .AddFollowUpRules()
    .AddCountryRiskLinking()
    .AddNotificationTriggers();
builder.AddProjectCasesWolverine(opts => opts.ApplyCluster(cluster), opts => opts.RouteNotifications());

builder.Services.AddProjects();
builder.Services.AddTroubles(builder.Configuration);
builder.Services.Configure<ProjectCases.FollowUps.Rules.FollowUpOptions>(builder.Configuration.GetSection(ProjectCases.FollowUps.Rules.FollowUpOptions.Section));
builder.Services.AddAudit();
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddImports(builder.Configuration);
builder.Services.AddReports(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration, builder.Environment);
builder.AddProjectCasesConsole();

var app = builder.Build();

app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
// Before authorization, which answers 401 itself: requests without a valid token are limited too (by address).
app.UseRateLimiter();
app.UseAuthorization();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseInputRules().UseMiddleware<IdempotencyMiddleware>());

app.MapProjectCasesHealth();
app.MapProjectCasesOpenApi();
app.MapProjectCasesEndpoints();
app.MapProjectCasesConsole();

await using var localDatabase = await LocalPostgresForCommands.StartIfNeededAsync(app.Services, args);
return await app.RunJasperFxCommands(args);

/// <summary>Entry point type, public so that the tests can host the application.</summary>
public partial class Program;
