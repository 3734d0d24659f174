using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Orders;
using ProjectCases.Reports.Targets;
using Microsoft.Extensions.Options;

namespace ProjectCases.Reports;

public static class ReportsSetup
{
    /// <summary>Default targets from Reports/Targets/kpi-targets.json (checked at start) and the targets service.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfigurationManager configuration)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Reports", "Targets", DefaultKpiTargets.FileName), optional: false);
        services.AddOptions<DefaultKpiTargets>()
            .Configure(targets => configuration.GetSection(DefaultKpiTargets.Section).Bind(targets.Ministries))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DefaultKpiTargets>, DefaultKpiTargetsValidation>();
        services.AddSingleton<KpiTargets>();
        return services;
    }

    /// <summary>The report projections run on the async daemon, off the write path; targets are an inline stream per year.</summary>
    public static void ConfigureReports(this StoreOptions opts)
    {
        opts.Events.MapEventType<KpiTargetsSet>("kpi_targets_set");
        opts.Projections.Add<FiscalYearActivityProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<ProjectYearActivityProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<ProjectYearActivity>().Duplicate(a => a.FiscalYear);
        opts.Projections.Add<ProjectYearOrdersProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<ProjectYearOrders>().Duplicate(o => o.FiscalYear);
        opts.Projections.Add<ProjectCalendarYearOrdersProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<ProjectCalendarYearOrders>().Duplicate(o => o.CalendarYear);
        opts.Events.MapEventType<OfficialOrdersPublished>("official_orders_published");
        opts.Projections.Add<OfficialOrdersProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<KpiTargetOverridesProjection>(ProjectionLifecycle.Inline);
    }
}
